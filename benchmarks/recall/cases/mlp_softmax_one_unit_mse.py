# source: https://github.com/keras-team/keras/issues/126
# mistake: toy binary MLP ends in a 1-unit softmax (constant 1.0), so predictions never change
# shape: literal; literal, add() chain
# expect: KL101 line 19
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Dropout
from keras.optimizers import SGD

X = np.array([[0.0, 0.1], [0.6, 0.8], [0.1, 0.2], [0.9, 0.8],
              [0.9, 0.7], [0.3, 0.0], [0.2, 0.2], [0.5, 0.9]])
y = (X[:, 0] + X[:, 1] > 0.5).astype("int32")

model = Sequential()
model.add(Dense(64, input_dim=2, activation="tanh"))
model.add(Dropout(0.5))
model.add(Dense(64, activation="tanh"))
model.add(Dropout(0.5))
model.add(Dense(1, activation="softmax"))
model.compile(loss="mean_squared_error", optimizer=SGD(learning_rate=0.1, momentum=0.9, nesterov=True))
model.fit(X, y, epochs=20, batch_size=16)
