# source: https://stackoverflow.com/questions/70589997
# mistake: none; the answer's fix: one softmax unit per food class with sparse_categorical_crossentropy on the integer labels
# shape: units from a module-level variable; num_classes = 101 for the head, images and integer labels from saved arrays
# expect: none
import numpy as np
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from keras.models import Sequential

num_classes = 101
X = np.load("food_images.npy")
y = np.load("food_labels.npy")

model = Sequential()
model.add(Conv2D(32, kernel_size=5, activation="relu", input_shape=(128, 128, 3)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(64, kernel_size=3, activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(num_classes, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=75)
