# source: https://probablyiris.com/tensorflow-basic-deep-learning-workflow-for-classification-task
# mistake: none - Fashion-MNIST reduced to trouser vs bag, labels remapped to 0/1, one sigmoid unit with binary_crossentropy
# shape: np.where relabelling; load_data labels filtered with np.isin and remapped with np.where
# expect: none
import numpy as np
from tensorflow import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
keep = np.isin(y_train, [1, 8])
x_train = x_train[keep] / 255.0
y_train = np.where(y_train[keep] == 8, 1, 0)

inputs = keras.Input(shape=(28, 28))
x = keras.layers.Flatten()(inputs)
x = keras.layers.Dense(64, activation="relu")(x)
out = keras.layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, out)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=5, validation_split=0.2)
