# source: https://github.com/PrajwalG12121998/Deep-Learning-with-Keras/blob/1624d2de0d29a67d1a60fde9fe3daa1507583d86/Chapter%207/Exercise%207.03/exercise%207.03.py
# mistake: a cats-vs-dogs CNN ends in Dense(128, activation='softmax') and is trained with categorical_crossentropy on flow_from_directory(class_mode='binary'), which yields one class index (0 or 1) per image, not a one-hot row: the categorical loss needs one-hot targets as wide as the output (a student's version of a workshop exercise whose reference solution is Dense(1, 'sigmoid') with binary_crossentropy; the student's file imports ImageDataGenerator from keras.preprocessing, where Keras 3 has no such name; corrected here)
# shape: flow_from_directory; class_mode='binary' generators given to fit_generator, 128-unit softmax head after four hidden Dense(128) layers
# expect: KL202 line 27
import numpy as np
from keras.layers import Conv2D, Dense, Flatten, MaxPool2D
from keras.models import Sequential
from keras.preprocessing.image import ImageDataGenerator

np.random.seed(1)

net = Sequential()
net.add(Conv2D(32, (3, 3), input_shape=(64, 64, 3), activation="relu"))
net.add(Conv2D(32, (3, 3), activation="relu"))
net.add(Conv2D(32, (3, 3), activation="relu"))
net.add(MaxPool2D(2, 2))
net.add(Conv2D(32, (3, 3), activation="relu"))
net.add(MaxPool2D(pool_size=(2, 2)))
net.add(Flatten())

# the fully connected part
hidden = 128
for _ in range(4):
    net.add(Dense(hidden, activation="relu"))
net.add(Dense(hidden, activation="softmax"))

net.compile(optimizer="SGD", loss="categorical_crossentropy", metrics=["accuracy"])

augment = ImageDataGenerator(rescale=1.0 / 255, shear_range=0.2, zoom_range=0.2, horizontal_flip=True)
plain = ImageDataGenerator(rescale=1.0 / 255)
train_images = augment.flow_from_directory("../dataset/training_set", target_size=(64, 64), batch_size=32, class_mode="binary")
test_images = plain.flow_from_directory("../dataset/test_set", target_size=(64, 64), batch_size=32, class_mode="binary")

net.fit_generator(train_images, steps_per_epoch=10000, epochs=2, validation_data=test_images, validation_steps=2500, shuffle=False)
