"""Customer churn: a binary classifier with a single-unit softmax output."""

import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow import keras

df = pd.read_csv("churn.csv")
x_train, x_test, y_train, y_test = train_test_split(df.drop(columns="Exited"), df["Exited"])

model = keras.Sequential([
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1, activation="softmax"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=20, validation_data=(x_test, y_test))
