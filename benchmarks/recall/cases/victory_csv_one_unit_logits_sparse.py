# source: https://github.com/Utvandraren/SlayThePath/blob/b350b28ea8aa35a40569f62593eb9ee0a33b6933/SlayThePath/SlayThePath.py
# mistake: a win/loss predictor copied from the TensorFlow beginner tutorial keeps SparseCategoricalCrossentropy(from_logits=True) but shrinks the head to Dense(1): a one-unit softmax makes the loss 0 for every prediction, and the Softmax layer added afterwards for probabilities always outputs 1.0
# shape: separate Softmax layer; beginner-tutorial code with a probability_model = Sequential([model, Softmax()]) wrapper, the run's data read from the repository's TrainingDataWithOutput.csv columns (the file at this commit leaves train_images/train_labels undefined)
# expect: KL103 line 23
# expect: KL101 line 30
import pandas as pd
import tensorflow as tf

column_names = ["ascension_level", "character_chosen", "neow_bonus", "path_taken", "victory"]
runs = pd.read_csv("TrainingDataWithOutput.csv", names=column_names)
train_images = runs[column_names[:-1]].to_numpy(dtype="float32")[:800]
train_labels = runs["victory"].to_numpy(dtype="int64")[:800]
test_images = runs[column_names[:-1]].to_numpy(dtype="float32")[800:]
test_labels = runs["victory"].to_numpy(dtype="int64")[800:]

model = tf.keras.Sequential([
    tf.keras.layers.Dense(3),
    tf.keras.layers.Dense(20, activation="relu"),
    tf.keras.layers.Dense(1),
])

model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])

model.fit(train_images, train_labels, epochs=10)
test_loss, test_acc = model.evaluate(test_images, test_labels, verbose=2)

probability_model = tf.keras.Sequential([model,
                                         tf.keras.layers.Softmax()])
predictions = probability_model.predict(test_images)
