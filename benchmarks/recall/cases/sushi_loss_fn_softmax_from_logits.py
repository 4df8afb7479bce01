# source: https://github.com/SJTechy/sushi_ai/blob/1c9065d34b4c5d9b1b9d53ddf75dd18a15b6d70b/model/model.py
# mistake: an eight-roll sushi recommender ends in Dense(units=8, activation="softmax") while its loss_fn is SparseCategoricalCrossentropy(from_logits=True): softmax is applied twice, the loss cannot approach 0
# shape: tf.data; loss object held in a loss_fn variable, compile and fit under a __main__ guard, training pairs zipped with Dataset.from_tensor_slices (the repository's placeholder targets are replaced by one roll index per sample)
# expect: KL105 line 30/34
import numpy as np
import tensorflow as tf
from tensorflow import keras

ROLLS = ["spicy tuna", "california", "shrimp", "salmon", "teriyaki", "tempura", "avocado", "dragon"]

answers = np.array([
    [1, 0, 1, 0, 1, 0],
    [1, 1, 0, 0, 1, 1],
    [0, 0, 1, 0, 1, 1],
    [1, 1, 0, 1, 0, 1],
    [0, 1, 1, 0, 1, 1],
    [1, 1, 0, 1, 0, 0],
], dtype="float32")
favourite = np.array([0, 3, 5, 7, 2, 1])

train_data = tf.data.Dataset.from_tensor_slices((answers, favourite)).batch(2)

model = keras.Sequential([
    tf.keras.layers.Dense(units=6, input_shape=(6,)),
    tf.keras.layers.Dense(units=32, activation="relu"),
    tf.keras.layers.Dense(units=32, activation="relu"),
    tf.keras.layers.Dense(units=len(ROLLS), activation="softmax"),
])

loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)

if __name__ == "__main__":
    model.compile(optimizer="adam",
                  loss=loss_fn,
                  metrics=["accuracy"])

    model.fit(train_data, epochs=50)
