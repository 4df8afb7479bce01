# source: https://stackoverflow.com/questions/58844149
# mistake: a binary CNN on 300x300 grey images ends in Dense(1) followed by Activation("softmax") with binary_crossentropy: the single softmax output is always 1.0, so the generator-fed training never improves
# shape: separate Activation layer; imports placed between model.add calls (Activation from keras.layers.core), training through ImageDataGenerator.flow(train, train_labels) and fit_generator (read through the original snippet in mehilshah/Bug_Reproducibility_DL_Bugs, Bugs/009; the arrays it leaves undefined are loaded with np.load)
# expect: KL101 line 25
import numpy as np
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from keras.models import Sequential

train = np.load("scans.npy")
train_labels = np.load("scan_labels.npy")

model = Sequential()
from keras.layers import Dropout

model.add(Conv2D(96, kernel_size=11, padding="same", input_shape=(300, 300, 1), activation="relu"))
model.add(MaxPooling2D(pool_size=(3, 3), strides=(2, 2)))
model.add(Conv2D(128, kernel_size=3, padding="same", activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2), strides=(2, 2)))
from keras.layers.core import Activation

model.add(Flatten())
model.add(Dense(units=300, activation="relu"))
model.add(Dropout(0.2))
model.add(Dense(1))
model.add(Activation("softmax"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

from keras.preprocessing.image import ImageDataGenerator

datagen = ImageDataGenerator(featurewise_center=True, rotation_range=90, fill_mode="nearest")
datagen.fit(train)
train_generator = datagen.flow(train, train_labels, batch_size=8)
history = model.fit_generator(generator=train_generator, steps_per_epoch=len(train_generator) / 8, epochs=5)
