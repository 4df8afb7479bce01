# source: https://stackoverflow.com/questions/60355380
# mistake: a CNN on 5x5 grids ends in Dense(activation="softmax", units=1) with binary_crossentropy: the single softmax unit always outputs 1.0, so validation accuracy is stuck at the majority share
# shape: literal; keyword arguments in reverse order (activation before units), convolution blocks added in for loops (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/60355380; its make_classification stand-in replaced by saved arrays)
# expect: KL101 line 25
import numpy as np
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.optimizers import Adam
from sklearn.model_selection import train_test_split

grids = np.load("grids.npy").reshape(-1, 5, 5, 1)
winner = np.load("winner.npy")
X_train, X_test, y_train, y_test = train_test_split(grids, winner, test_size=0.33, random_state=42, stratify=winner)

start_cnn = Sequential()
start_cnn.add(Conv2D(32, (3, 3), input_shape=(5, 5, 1), activation="relu", padding="same"))
start_cnn.add(Conv2D(32, (3, 3), activation="relu"))
start_cnn.add(MaxPooling2D(padding="same"))
for i in range(0, 2):
    start_cnn.add(Conv2D(128, (3, 3), activation="relu", padding="same"))
start_cnn.add(MaxPooling2D(padding="same"))
start_cnn.add(Flatten())
start_cnn.add(Dense(activation="relu", units=128))
start_cnn.add(Dense(activation="relu", units=64))
start_cnn.add(Dense(activation="softmax", units=1))
start_cnn.compile(Adam(learning_rate=0.001), loss="binary_crossentropy", metrics=["accuracy"])
start_cnn.fit(X_train, y_train, epochs=100, validation_data=(X_test, y_test))
