# source: https://stackoverflow.com/questions/55328966
# mistake: MNIST read from CSV with pandas, labels one-hot encoded with np.eye(nb_classes)[targets], and a Dense(10, activation='sigmoid') output compiled with categorical_crossentropy (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/55328966)
# shape: helper one-hot via np.eye; a read_split helper returns np.eye(nb_classes)[digits] from pandas columns, l2-regularised Dense(nb_classes, "sigmoid")
# expect: KL107 line 31
import numpy as np
import pandas as pd
import tensorflow as tf
from keras import Sequential
from keras.layers import Dense
from keras.regularizers import l2

nb_classes = 10
hidden_units = 50
weight_decay = 0.0
pixel_columns = [f"{r}x{c}" for r in range(1, 29) for c in range(1, 29)]


def read_split(path, rows):
    frame = pd.read_csv(path).iloc[:rows].sample(frac=1).reset_index(drop=True)
    pixels = frame[pixel_columns].to_numpy()
    digits = frame["label"].to_numpy().reshape(-1)
    return pixels, np.eye(nb_classes)[digits]


x_train, y_train = read_split("mnist_train.csv", 5000)
x_test, y_test = read_split("mnist_test.csv", 2000)

model = Sequential()
model.add(Dense(784, input_shape=(784,)))
model.add(Dense(hidden_units, activation="relu", kernel_regularizer=l2(weight_decay)))
model.add(Dense(nb_classes, activation="sigmoid", kernel_regularizer=l2(weight_decay)))
model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=1e-4), loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=10, batch_size=32)
print(model.evaluate(x_test, y_test))
