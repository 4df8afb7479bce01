# source: https://stackoverflow.com/questions/33969059
# mistake: a regression of y = x . [2, 1, 0.5] + 2.2 ends in Dense(1) followed by Activation('softmax') and mean_squared_error, so every prediction is exactly 1.0 and the loss never moves (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/33969059)
# shape: separate Activation layer; model built under the __main__ guard, data from a get_data helper, INDIM constants
# expect: KL101 line 42/43
import numpy as np
from keras.layers import Activation, Dense, Dropout
from keras.models import Sequential
from keras.optimizers import SGD

NUM_TRAIN = 100000
NUM_TEST = 10000
INDIM = 3
mn = 1


def myrand(a, b):
    return b * (np.random.random_sample() - 0.5) + a


def get_data(count, ws, xno, bounds=100, rweight=0.0):
    xt = np.multiply(bounds, np.random.rand(count, len(ws)))
    ws = np.array(ws, dtype=float)
    xno = np.array([float(xno) + rweight * myrand(-mn, mn) for _ in xt], dtype=float)
    yt = np.add(np.dot(xt, ws), xno)
    return xt, yt


if __name__ == "__main__":
    WS = [2.0, 1.0, 0.5]
    XNO = 2.2
    EPOCHS = 20
    X_test, y_test = get_data(NUM_TEST, WS, XNO, 10000, rweight=0.4)
    X_train, y_train = get_data(NUM_TRAIN, WS, XNO, 10000)

    model = Sequential()
    model.add(Dense(INDIM, input_dim=INDIM, kernel_initializer="uniform"))
    model.add(Activation("tanh"))
    model.add(Dropout(0.5))
    model.add(Dense(2, kernel_initializer="uniform"))
    model.add(Activation("tanh"))
    model.add(Dropout(0.5))
    model.add(Dense(1, kernel_initializer="uniform"))
    model.add(Activation("softmax"))

    sgd = SGD(learning_rate=0.1, momentum=0.9, nesterov=True)
    model.compile(loss="mean_squared_error", optimizer=sgd, metrics=["accuracy"])
    model.fit(X_train, y_train, shuffle="batch", epochs=EPOCHS)
    score, acc = model.evaluate(X_test, y_test, batch_size=16)
    print(score, acc)
