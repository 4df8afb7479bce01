# source: https://github.com/songhyeonbeom/opencv/blob/7308252d00dc37cf385f06466967eecbbdbfab8b/TensorFlow2/ch02_2.py
# mistake: a functional-API exercise ends in Dense(1, activation='softmax') and compiles sparse_categorical_crossentropy: the single softmax unit is always 1.0 and a categorical loss over one unit has no gradient; the arrays, not defined in the file, are filled in with np.load
# shape: functional graph; Input -> Dense -> Dense -> Dense(1, softmax), x rebound at each layer
# expect: KL101 line 16
# expect: KL103 line 19
import numpy as np
from tensorflow.keras.layers import Input, Dense
from tensorflow.keras.models import Model

x_train, y_train = np.load("x_train.npy"), np.load("y_train.npy")
x_test, y_test = np.load("x_test.npy"), np.load("y_test.npy")

inputs = Input(shape=(5,))
x = Dense(8, activation="relu")(inputs)
x = Dense(4, activation="relu")(x)
x = Dense(1, activation="softmax")(x)

model = Model(inputs, x)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=10, batch_size=100, validation_data=(x_test, y_test), verbose=2)
