# source: https://github.com/keras-team/keras/issues/1637
# mistake: a 2-way softmax classifier for a discrete parity label is trained with mse
# shape: separate Activation layer; separate Activation layer after Dense(2); targets built by a helper function
# expect: KL108 line 21
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Activation


def two_columns(labels):
    return np.array([[0, 1] if v[0] == 0 else [1, 0] for v in labels])


x = np.random.random((100000, 10))
y_parity = np.array([[int(np.sum(row)) % 2] for row in x])

model = Sequential()
model.add(Dense(10, input_dim=10))
model.add(Dense(2))
model.add(Activation("softmax"))
model.compile(loss="mse", optimizer="sgd")
model.fit(x, two_columns(y_parity), validation_split=0.05, epochs=20)
