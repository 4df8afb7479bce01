# source: https://github.com/keras-team/keras/issues/6421
# mistake: a two-column target Y = dataset[:, [31, 32]] is fitted by a 2-unit sigmoid output with categorical_crossentropy; evaluate() reports 100 % while predict() is wrong (the answer: categorical crossentropy needs softmax, independent columns need binary crossentropy)
# shape: numpy column slice; targets sliced as two columns of the loaded array, Dense(2, activation='sigmoid')
# expect: KL107 line 16
import numpy as np
from keras.layers import Dense
from keras.models import Sequential

dataset = np.loadtxt("measurements.csv", delimiter=",", skiprows=1)
X = dataset[:, 0:31]
Y = dataset[:, [31, 32]]

model = Sequential()
model.add(Dense(40, activation="relu", kernel_initializer="uniform", input_dim=31))
model.add(Dense(31, activation="relu", kernel_initializer="uniform"))
model.add(Dense(2, activation="sigmoid", kernel_initializer="uniform"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["categorical_accuracy"])

model.fit(X, Y, epochs=1, batch_size=10, verbose=2)
score, acc = model.evaluate(X, Y)
predictions = model.predict(X)
print(Y[:10])
print(predictions[:10].round())
