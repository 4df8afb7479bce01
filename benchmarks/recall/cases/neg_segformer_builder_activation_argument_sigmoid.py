# source: https://github.com/keras-team/keras-cv/pull/2401
# mistake: none - the review's fix: the builder takes an activation argument; one class with sigmoid and BinaryCrossentropy is a correct binary segmentation
# shape: builder function; head filters and activation from the builder's keyword arguments
# expect: none
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def build_segformer(num_classes, activation="softmax", input_shape=(256, 256, 3)):
    inputs = keras.Input(shape=input_shape)
    s1 = layers.Conv2D(32, 3, strides=4, padding="same", activation="relu")(inputs)
    s2 = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(s1)
    up = layers.UpSampling2D(2)(s2)
    x = layers.Concatenate()([s1, up])
    x = layers.Conv2D(num_classes, kernel_size=1, activation=activation)(x)
    outputs = layers.Resizing(input_shape[0], input_shape[1])(x)
    return keras.Model(inputs, outputs)


images = np.random.uniform(size=(4, 256, 256, 3)).astype("float32")
masks = (np.random.uniform(size=(4, 256, 256, 1)) > 0.5).astype("float32")
model = build_segformer(num_classes=1, activation="sigmoid")
model.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy())
model.fit(images, masks, epochs=1)
