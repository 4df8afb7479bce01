# source: https://stackoverflow.com/questions/62313327
# mistake: the network should learn to return the second input coordinate, a value uniform in [-1, 1], but its output is Dense(1, activation="sigmoid"), which can never be negative: half of the targets are unreachable (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/62313327)
# shape: targets filled in a loop; target[i] = row[1] with row = rand(30) * 2 - 1, loss given as a MeanSquaredError object held in a variable
# expect: KL111 line 20
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(123)
n_samples, n_inputs = 100000, 30
inputs = np.empty((n_samples, n_inputs))
target = np.empty(n_samples)
for i in range(n_samples):
    row = rng.random(n_inputs) * 2 - 1
    inputs[i] = row
    target[i] = row[1]  # the net only has to copy the second input

net = tf.keras.Sequential(
    [
        tf.keras.layers.Dense(1, activation="relu", input_shape=(n_inputs,)),
        tf.keras.layers.Dense(1, activation="sigmoid"),
    ]
)
mse = tf.keras.losses.MeanSquaredError()
net.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.01), loss=mse)
net.fit(inputs, target, epochs=200, batch_size=32)
