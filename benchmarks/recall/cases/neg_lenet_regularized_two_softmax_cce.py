# source: https://stackoverflow.com/questions/61498304
# mistake: none in the loss or output; a LeNet-style CNN with L2-regularised dense layers ends in Dense(units=2, activation='softmax') with categorical_crossentropy on one-hot labels (the question's trouble was the heavy regularisation)
# shape: literal; keyword units=, Dense layers with kernel_regularizer=regularizers.l2(0.01), labels one-hot encoded with to_categorical(y) (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/61498304; its make_classification stand-in replaced by saved arrays)
# expect: none
import numpy as np
from keras import regularizers
from keras.layers import Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.utils import to_categorical

X = np.load("tiles.npy").reshape(-1, 32, 32, 3)
y = to_categorical(np.load("tile_labels.npy"))

model = Sequential()
model.add(Conv2D(filters=6, kernel_size=5, strides=1, activation="relu", input_shape=(32, 32, 3)))
model.add(MaxPooling2D(pool_size=2, strides=2))
model.add(Conv2D(filters=16, kernel_size=5, strides=1, activation="relu"))
model.add(MaxPooling2D(pool_size=2, strides=2))
model.add(Flatten())
model.add(Dense(units=128, activation="relu", kernel_regularizer=regularizers.l2(0.01)))
model.add(Dropout(rate=0.2))
model.add(Dense(units=64, activation="relu", kernel_regularizer=regularizers.l2(0.01)))
model.add(Dropout(rate=0.2))
model.add(Dense(units=2, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=30, batch_size=32, validation_split=0.1)
