# source: https://stackoverflow.com/questions/33969059
# mistake: a regression of y = x . [2, 1, 0.5] + 2.2 ends in Dense(1) followed by Activation('softmax') and mean_squared_error, so every prediction is exactly 1.0 and the loss never moves (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/33969059)
# shape: separate Activation layer; model built under the __main__ guard, data from a get_data helper, INDIM constants
# expect: KL101 line 33/34
import numpy as np
from keras.layers import Activation, Dense, Dropout
from keras.models import Sequential
from keras.optimizers import SGD

INDIM = 3
WEIGHTS = [2.0, 1.0, 0.5]
BIAS = 2.2


def get_data(count, bounds=100, noise=0.0):
    """Points in [0, bounds)^INDIM and their value on the plane, with optional jitter."""
    points = bounds * np.random.rand(count, INDIM)
    jitter = noise * (np.random.random_sample(count) - 0.5)
    return points, points @ np.array(WEIGHTS) + BIAS + jitter


if __name__ == "__main__":
    x_val, y_val = get_data(10000, 10000, noise=0.4)
    x_fit, y_fit = get_data(100000, 10000)

    net = Sequential()
    net.add(Dense(INDIM, input_dim=INDIM, kernel_initializer="uniform"))
    net.add(Activation("tanh"))
    net.add(Dropout(0.5))
    net.add(Dense(2, kernel_initializer="uniform"))
    net.add(Activation("tanh"))
    net.add(Dropout(0.5))
    net.add(Dense(1, kernel_initializer="uniform"))
    net.add(Activation("softmax"))
    net.compile(loss="mean_squared_error", optimizer=SGD(learning_rate=0.1, momentum=0.9, nesterov=True), metrics=["accuracy"])
    net.fit(x_fit, y_fit, shuffle="batch", epochs=20)
    print(net.evaluate(x_val, y_val, batch_size=16))
