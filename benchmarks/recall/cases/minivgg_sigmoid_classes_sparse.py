# source: https://stackoverflow.com/questions/57943425
# mistake: a MiniVGG-style binary classifier ends in Dense(classes) + Activation("sigmoid") with classes = 2 and is compiled with sparse_categorical_crossentropy: two independent sigmoids are scored as one distribution (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/57943425)
# shape: separate Activation layer; Dense(classes) with classes a module variable, then Activation("sigmoid")
# expect: KL107 line 35/36
import numpy as np
from keras.layers import Activation, BatchNormalization, Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.optimizers import SGD

data = np.load("patches.npz")
X = data["images"].reshape(-1, 10, 10, 1)
y = data["labels"]

input_shape = (10, 10, 1)
channel_dimension = -1
classes = 2

model = Sequential()
model.add(Conv2D(32, (3, 3), padding="same", input_shape=input_shape))
model.add(Activation("relu"))
model.add(BatchNormalization(axis=channel_dimension))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
for filters in (64, 64):
    model.add(Conv2D(filters, (3, 3), padding="same"))
    model.add(Activation("relu"))
    model.add(BatchNormalization(axis=channel_dimension))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(512))
model.add(Activation("relu"))
model.add(BatchNormalization())
model.add(Dropout(0.5))
model.add(Dense(classes))
model.add(Activation("sigmoid"))

print("[INFO] training network...")
opt = SGD(learning_rate=0.001)
model.compile(loss="sparse_categorical_crossentropy", optimizer=opt, metrics=["accuracy"])
model.fit(X, y, epochs=5)
