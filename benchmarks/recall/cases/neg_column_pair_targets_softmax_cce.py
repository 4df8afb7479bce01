# source: https://github.com/keras-team/keras/issues/6421
# mistake: none - the answer's fix for one label per row: the 2-column one-hot target Y = dataset[:, [31, 32]] with a 2-unit softmax and categorical_crossentropy
# shape: numpy column slice; targets sliced as two columns of the loaded array, Dense(2, activation='softmax')
# expect: none
import numpy as np
from keras.layers import Dense
from keras.models import Sequential

dataset = np.loadtxt("measurements.csv", delimiter=",", skiprows=1)
X = dataset[:, 0:31]
Y = dataset[:, [31, 32]]

model = Sequential()
model.add(Dense(40, activation="relu", kernel_initializer="uniform", input_dim=31))
model.add(Dense(31, activation="relu", kernel_initializer="uniform"))
model.add(Dense(2, activation="softmax", kernel_initializer="uniform"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["categorical_accuracy"])

model.fit(X, Y, epochs=1, batch_size=10, verbose=2)
score, acc = model.evaluate(X, Y)
predictions = model.predict(X)
