# source: https://stackoverflow.com/questions/59078187
# mistake: none; the answer's fix for fitting y = x**2: a single linear output unit with mse
# shape: literal; tf.keras Sequential from a list, inputs from np.linspace and targets from np.power
# expect: none
import numpy as np
import tensorflow as tf

x_train = np.linspace(0, 10, 1000).reshape(-1, 1)
y_train = np.power(x_train, 2.0)

model = tf.keras.models.Sequential([
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(x_train, y_train, epochs=200)
