# source: https://neymarsabin.dev/tensors/4-mnist-dataset-number-classification
# mistake: none - MNIST reduced to "is it an 8?" with np.where, one sigmoid unit with binary_crossentropy
# shape: np.where relabelling; load_data labels remapped with np.where
# expect: none
import numpy as np
import tensorflow as tf
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

(xtrain, ytrain), (xtest, ytest) = tf.keras.datasets.mnist.load_data()
xtrain_flat = xtrain.reshape(len(xtrain), 28 * 28)
xtest_flat = xtest.reshape(len(xtest), 28 * 28)
y_train = np.where(ytrain != 8, 0, 1)
y_test = np.where(ytest != 8, 0, 1)

model = Sequential()
model.add(Dense(784, activation="relu", input_shape=(784,)))
model.add(Dense(784, activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(xtrain_flat, y_train, epochs=5)
model.evaluate(xtest_flat, y_test)
