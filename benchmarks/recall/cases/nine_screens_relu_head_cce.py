# source: https://stackoverflow.com/questions/51901386
# mistake: a nine-class screenshot classifier (180x320 RGB) ends in Dense(9, activation='relu') trained with categorical_crossentropy on one-hot labels: relu outputs are not a distribution, they are clipped and renormalised as if they were, and accuracy stays at chance
# shape: units from len(list); the width and to_categorical's num_classes both come from len(CLASSES) of a module-level list, images and integer labels loaded from an .npz (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/51901386, whose make_classification stand-in is replaced)
# expect: KL106 line 35
import numpy as np
from keras.layers import Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.optimizers import Adam
from keras.utils import to_categorical

CLASSES = ["menu", "map", "inventory", "dialog", "battle", "shop", "loading", "settings", "credits"]

archive = np.load("screens.npz")
X = archive["images"].reshape(-1, 180, 320, 3) / 255.0
y = to_categorical(archive["labels"], num_classes=len(CLASSES))

model = Sequential()
model.add(Conv2D(64, 3, padding="same", activation="relu", input_shape=(180, 320, 3)))
model.add(Conv2D(64, 3, padding="same", activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2), strides=2))
model.add(Conv2D(64, 3, padding="same", activation="relu"))
model.add(Conv2D(64, 3, padding="same", activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2), strides=2))
model.add(Conv2D(128, 3, padding="same", activation="relu"))
model.add(Conv2D(128, 3, padding="same", activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2), strides=2))
model.add(Conv2D(128, 3, padding="same", activation="relu"))
model.add(Conv2D(128, 3, padding="same", activation="relu"))
model.add(Flatten())
model.add(Dropout(0.5))
model.add(Dense(1024, activation="relu"))
model.add(Dropout(0.5))
model.add(Dense(len(CLASSES), activation="relu"))

model.compile(optimizer=Adam(learning_rate=0.0001), loss="categorical_crossentropy", metrics=["acc"])
model.fit(X, y, epochs=5, batch_size=24)
