# source: https://stackoverflow.com/questions/62449191
# mistake: Colab MNIST notebook: after printing np.unique(y_train) (the digits 0-9) the reporter trains a 10-way softmax with categorical_crossentropy on those integer labels, which were never one-hot encoded (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s62449191_original.py; the %tensorflow_version magic is left out)
# shape: keras.datasets; tf.keras.datasets.mnist bound to a variable, labels straight from load_data()
# expect: KL202 line 26
import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf

print(tf.__version__)
mnist = tf.keras.datasets.mnist
(x_train, y_train), (x_test, y_test) = mnist.load_data()
print(x_train.shape, x_test.shape)
print(y_train.shape, y_test.shape)
print(np.unique(y_train))
print(np.unique(y_test))
plt.imshow(x_train[0], cmap="Greys")

x_train, x_test = x_train / 255.0, x_test / 255.0

model = tf.keras.Sequential([
    tf.keras.layers.Flatten(input_shape=(28, 28)),
    tf.keras.layers.Dense(units=512, activation="relu"),
    tf.keras.layers.Dense(units=10, activation="softmax"),
])
model.summary()
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
h = model.fit(x_train, y_train, epochs=10, batch_size=256)
