# source: https://stackoverflow.com/questions/59078187
# mistake: to fit y = x**2 the TensorFlow beginner tutorial's classifier is reused with loss='mse': its head is still Dense(10, activation='softmax'), ten probabilities summing to 1 that can never reach values up to 100
# shape: literal; tf.keras Sequential from a list, inputs from np.linspace and targets from np.power (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/59078187)
# expect: KL108 line 19
import numpy as np
import tensorflow as tf

x_train = np.linspace(0, 10, 1000)
y_train = np.power(x_train, 2.0)
x_test = np.linspace(8, 12, 100)
y_test = np.power(x_test, 2.0)

model = tf.keras.models.Sequential([
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam",
              loss="mse",
              metrics=["mae"])
model.fit(x_train, y_train, epochs=5)
model.evaluate(x_test, y_test, verbose=2)
