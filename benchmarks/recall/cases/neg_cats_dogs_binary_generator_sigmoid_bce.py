# source: https://github.com/PrajwalG12121998/Deep-Learning-with-Keras/blob/1624d2de0d29a67d1a60fde9fe3daa1507583d86/Chapter%207/Exercise%207.01/Exercise%207.01.py
# mistake: none - the same student's cats-vs-dogs CNN with the reference head, Dense(1, activation='sigmoid') and binary_crossentropy, on flow_from_directory(class_mode='binary') labels (0 or 1 per image)
# shape: flow_from_directory; class_mode='binary' generators given to fit_generator, 1-unit sigmoid head
# expect: none
import numpy as np
from keras.layers import Conv2D, Dense, Flatten, MaxPool2D
from keras.models import Sequential
from keras.preprocessing.image import ImageDataGenerator

np.random.seed(1)

net = Sequential()
net.add(Conv2D(32, (3, 3), input_shape=(64, 64, 3), activation="relu"))
net.add(MaxPool2D(pool_size=(2, 2)))
net.add(Flatten())
net.add(Dense(128, activation="relu"))
net.add(Dense(1, activation="sigmoid"))

net.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

augment = ImageDataGenerator(rescale=1.0 / 255, shear_range=0.2, zoom_range=0.2, horizontal_flip=True)
plain = ImageDataGenerator(rescale=1.0 / 255)
train_images = augment.flow_from_directory("../dataset/training_set", target_size=(64, 64), batch_size=32, class_mode="binary")
test_images = plain.flow_from_directory("../dataset/test_set", target_size=(64, 64), batch_size=32, class_mode="binary")

net.fit_generator(train_images, steps_per_epoch=10000, epochs=2, validation_data=test_images, validation_steps=2500, shuffle=False)
