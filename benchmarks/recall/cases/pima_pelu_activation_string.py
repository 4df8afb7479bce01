# source: https://github.com/keras-team/keras/issues/12565
# mistake: the Pima diabetes MLP is given activation='PELU' (a keras-contrib layer, not a Keras activation name): no Keras resolves it (ValueError: Unknown activation function:PELU)
# shape: literal; machinelearningmastery-style MLP loaded with np.loadtxt, activation name string on a hidden layer
# expect: KL302 line 14
import numpy as np
from keras.models import Sequential
from keras.layers import Dense

dataset = np.loadtxt("pima-indians-diabetes.csv", delimiter=",")
X = dataset[:, 0:8]
Y = dataset[:, 8]

model = Sequential()
model.add(Dense(12, input_dim=8, activation='PELU'))
model.add(Dense(8, activation='relu'))
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(X, Y, epochs=150, batch_size=10)
scores = model.evaluate(X, Y)
