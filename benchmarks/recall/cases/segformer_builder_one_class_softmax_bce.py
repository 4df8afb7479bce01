# source: https://github.com/keras-team/keras-cv/pull/2401
# mistake: a segmentation builder hard-codes softmax on its Conv2D(num_classes, 1) head; building it with num_classes=1 and compiling BinaryCrossentropy gives a head that always outputs 1.0
# shape: builder function; head filters from the builder's num_classes keyword argument (1 at the call site), activation hard-coded in the builder
# expect: KL101 line 29
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def mlp_decoder(features, projection_filters):
    resized = []
    for f in features:
        x = layers.Conv2D(projection_filters, 1)(f)
        x = layers.Resizing(64, 64, interpolation="bilinear")(x)
        resized.append(x)
    x = layers.Concatenate(axis=-1)(resized)
    x = layers.Conv2D(projection_filters, 1, use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def build_segformer(num_classes, projection_filters=256, input_shape=(256, 256, 3)):
    inputs = keras.Input(shape=input_shape)
    s1 = layers.Conv2D(32, 3, strides=4, padding="same", activation="relu")(inputs)
    s2 = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(s1)
    s3 = layers.Conv2D(160, 3, strides=2, padding="same", activation="relu")(s2)
    x = mlp_decoder([s1, s2, s3], projection_filters)
    x = layers.Dropout(0.1)(x)
    x = layers.Conv2D(num_classes, kernel_size=1, activation="softmax")(x)
    outputs = layers.Resizing(input_shape[0], input_shape[1], interpolation="bilinear")(x)
    return keras.Model(inputs, outputs)


images = np.random.uniform(size=(4, 256, 256, 3)).astype("float32")
masks = (np.random.uniform(size=(4, 256, 256, 1)) > 0.5).astype("float32")
model = build_segformer(num_classes=1)
model.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(), metrics=["accuracy"])
model.fit(images, masks, epochs=1)
