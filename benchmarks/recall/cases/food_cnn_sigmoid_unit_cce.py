# source: https://stackoverflow.com/questions/70589997
# mistake: a CNN for 101 food classes ends in a single Dense(1, activation='sigmoid') and is compiled with categorical_crossentropy: one unit cannot hold 101 classes, and the categorical loss on one unit is constant, so the accuracy never moves
# shape: literal; model.add chain of four conv blocks, images and labels from saved arrays (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/70589997; its make_classification stand-in replaced by the arrays)
# expect: KL103 line 21
import numpy as np
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from keras.models import Sequential

X = np.load("food_images.npy")
y = np.load("food_labels.npy")

model = Sequential()
model.add(Conv2D(32, kernel_size=5, activation="relu", input_shape=(128, 128, 3)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(64, kernel_size=5, activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(128, kernel_size=3, activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=75)
