# source: https://github.com/wikibook/tf2/issues/8
# mistake: wine-quality (3 grades) labels one-hot encoded with to_categorical, then trained with sparse_categorical_crossentropy
# shape: pandas + to_categorical; pandas columns -> to_categorical(num_classes=3), slices for the split
# expect: KL201 line 32
import pandas as pd
import tensorflow as tf

red = pd.read_csv("winequality-red.csv", sep=";")
white = pd.read_csv("winequality-white.csv", sep=";")
wine = pd.concat([red, white])
wine.loc[wine["quality"] <= 5, "new_quality"] = 0
wine.loc[wine["quality"] == 6, "new_quality"] = 1
wine.loc[wine["quality"] >= 7, "new_quality"] = 2
wine = wine.drop("quality", axis=1)
wine_norm = (wine - wine.min()) / (wine.max() - wine.min())
wine_shuffled = wine_norm.sample(frac=1)
wine_np = wine_shuffled.to_numpy()

split = int(len(wine_np) * 0.8)
train_X, train_Y = wine_np[:split, :-1], wine_np[:split, -1]
test_X, test_Y = wine_np[split:, :-1], wine_np[split:, -1]
train_Y = tf.keras.utils.to_categorical(train_Y, num_classes=3)
test_Y = tf.keras.utils.to_categorical(test_Y, num_classes=3)

model = tf.keras.Sequential([
    tf.keras.layers.Dense(units=48, activation="relu", input_shape=(12,)),
    tf.keras.layers.Dense(units=24, activation="relu"),
    tf.keras.layers.Dense(units=12, activation="relu"),
    tf.keras.layers.Dense(units=3, activation="softmax"),
])
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.003),
              loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
model.fit(train_X, train_Y, epochs=25, batch_size=32, validation_split=0.25)
