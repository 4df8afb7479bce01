# source: https://stackoverflow.com/questions/31880720
# mistake: a toy binary problem (rows of ones labelled True, rows of zeros labelled False) ends in Dense(1) followed by Activation('softmax') with binary_crossentropy: the softmax over one unit is always 1.0, so the network cannot separate two trivially different inputs
# shape: separate Activation layer; labels are numpy bool arrays built by list repetition ([True] * 10**4 + [False] * 10**4), read through the reproduction in ali-ghanbari/deepmufl-ase-2023 (Dataset/all-bugs/31880720)
# expect: KL101 line 24
import numpy as np
from keras.layers import Activation, Dense, Dropout
from keras.models import Sequential
from keras.optimizers import RMSprop

n = 10 ** 4
X_train = np.array([[1] * 128] * n + [[0] * 128] * n).astype("float32")
Y_train = np.array([True] * n + [False] * n).astype("bool")
X_test = np.array([[1] * 128] * 100 + [[0] * 128] * 100).astype("float32")
Y_test = np.array([True] * 100 + [False] * 100).astype("bool")

model = Sequential()
model.add(Dense(128, input_dim=128))
model.add(Activation("relu"))
model.add(Dropout(0.2))
model.add(Dense(50))
model.add(Activation("relu"))
model.add(Dropout(0.2))
model.add(Dense(1))
model.add(Activation("softmax"))

model.compile(loss="binary_crossentropy", optimizer=RMSprop())
model.fit(X_train, Y_train, batch_size=24, epochs=5, verbose=2, validation_data=(X_test, Y_test))
print(model.evaluate(X_test, Y_test, verbose=0))
