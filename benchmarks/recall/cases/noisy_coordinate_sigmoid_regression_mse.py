# source: https://stackoverflow.com/questions/62313327
# mistake: the network should learn to return the second input coordinate, a value uniform in [-1, 1], but its output is Dense(1, activation="sigmoid"), which can never be negative: half of the targets are unreachable (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/62313327)
# shape: targets filled in a loop; y[i] = vec[1] with vec = rand(30) * 2 - 1, loss given as a MeanSquaredError object held in a variable
# expect: KL111 line 20
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, models

np.random.seed(123)
data_size = 100000
xdata = np.zeros((data_size, 30))
ydata = np.zeros(data_size)
for i in range(data_size):
    vec = (np.random.rand(30) * 2) - 1
    xdata[i] = vec
    ydata[i] = vec[1]

model = models.Sequential()
model.add(layers.Dense(1, activation="relu", input_shape=(30,)))
model.add(layers.Dense(1, activation="sigmoid"))
optimizer = tf.keras.optimizers.Adam(learning_rate=0.01)
loss_object = tf.keras.losses.MeanSquaredError()
model.compile(optimizer=optimizer, loss=loss_object)
model.fit(xdata, ydata, epochs=200, batch_size=32)
print(model.predict(xdata[:5]), ydata[:5])
