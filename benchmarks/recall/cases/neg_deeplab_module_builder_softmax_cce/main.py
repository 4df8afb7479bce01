# source: https://github.com/bonlime/keras-deeplab-v3-plus/issues/129
# mistake: none - the fix the thread gives: the training script passes activation="softmax" to the Deeplabv3 builder it imports from the project's model.py, so categorical_crossentropy (probabilities) on one-hot masks is right
# shape: builder in another module; `from model import Deeplabv3`, activation passed by the training script to the builder's `if activation in {"softmax", "sigmoid"}:`
# expect: none
import numpy as np
import tensorflow as tf

from model import Deeplabv3

NUM_CLASSES = 4
IMG_SIZE = 512

images = np.load("train_images.npy").astype("float32") / 127.5 - 1.0
masks = np.load("train_masks.npy")                              # (n, 512, 512) class ids
one_hot_masks = tf.keras.utils.to_categorical(masks, NUM_CLASSES)
model = Deeplabv3(input_shape=(IMG_SIZE, IMG_SIZE, 3), classes=NUM_CLASSES, activation="softmax")
model.compile(optimizer=tf.keras.optimizers.Adam(1e-4), loss="categorical_crossentropy", metrics=["acc"])
model.fit(images, one_hot_masks, batch_size=4, epochs=100, validation_split=0.1)
