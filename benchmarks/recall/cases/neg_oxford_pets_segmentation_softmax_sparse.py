# source: https://github.com/keras-team/keras-io/pull/10
# mistake: none - the merged fix: a per-pixel softmax over the 3 classes with sparse_categorical_crossentropy on integer masks
# shape: convolution head; Conv2D(num_classes, 3) head in a get_model(img_size, num_classes) builder, masks loaded as integer arrays
# expect: none
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def get_model(img_size, num_classes):
    inputs = keras.Input(shape=img_size + (3,))
    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(inputs)
    for filters in [64, 128]:
        x = layers.SeparableConv2D(filters, 3, padding="same", activation="relu")(x)
        x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
    for filters in [128, 64, 32]:
        x = layers.Conv2DTranspose(filters, 3, padding="same", activation="relu")(x)
        x = layers.UpSampling2D(2)(x)
    outputs = layers.Conv2D(num_classes, 3, activation="softmax", padding="same")(x)
    return keras.Model(inputs, outputs)


images = np.load("pets_images.npy").astype("float32")
masks = np.load("pets_masks.npy").astype("uint8") - 1
model = get_model((160, 160), num_classes=3)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
model.fit(images, masks, batch_size=32, epochs=15, validation_split=0.1)
