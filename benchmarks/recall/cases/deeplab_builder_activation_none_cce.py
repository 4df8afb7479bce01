# source: https://github.com/bonlime/keras-deeplab-v3-plus/issues/129
# mistake: the project's Deeplabv3(...) builder only appends a softmax or sigmoid when its activation argument asks for one and defaults to activation=None, so the model called with classes=NUM_CLASSES outputs raw logits; it is compiled with categorical_crossentropy without from_logits and the loss drops to 1.19e-07 after one epoch (a commenter: "it defaults to None which will mean you get unbounded numbers"); the builder is reduced to its encoder/ASPP/decoder skeleton
# shape: builder parameter; Deeplabv3(..., activation=None) default, the activation is added in `if activation in {"softmax", "sigmoid"}:`, called without it
# expect: KL106 line 49
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.models import Model

NUM_CLASSES = 4
IMG_SIZE = 512


def conv_bn(x, filters, kernel=3, rate=1, stride=1):
    x = layers.Conv2D(filters, kernel, strides=stride, dilation_rate=rate, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def Deeplabv3(weights=None, input_shape=(512, 512, 3), classes=21, OS=16, activation=None):
    img_input = layers.Input(shape=input_shape)
    x = conv_bn(img_input, 32, stride=2)
    x = conv_bn(x, 64, stride=2)
    skip1 = x
    x = conv_bn(x, 128, stride=2)
    x = conv_bn(x, 256, stride=2)
    rates = (6, 12, 18) if OS == 16 else (12, 24, 36)
    branches = [conv_bn(x, 256, kernel=1)] + [conv_bn(x, 256, rate=r) for r in rates]
    x = layers.Concatenate()(branches)
    x = conv_bn(x, 256, kernel=1)
    x = layers.UpSampling2D(4, interpolation="bilinear")(x)
    x = layers.Concatenate()([x, conv_bn(skip1, 48, kernel=1)])
    x = conv_bn(x, 256)
    x = layers.Conv2D(classes, (1, 1), padding="same", name="custom_logits_semantic")(x)
    x = layers.UpSampling2D(4, interpolation="bilinear")(x)
    if activation in {"softmax", "sigmoid"}:
        x = layers.Activation(activation)(x)
    model = Model(img_input, x, name="deeplabv3plus")
    if weights is not None:
        model.load_weights(weights, by_name=True)
    return model


images = np.load("train_images.npy").astype("float32") / 127.5 - 1.0
masks = np.load("train_masks.npy")                              # (n, 512, 512) class ids
one_hot_masks = tf.keras.utils.to_categorical(masks, NUM_CLASSES)

model = Deeplabv3(weights=None, input_shape=(IMG_SIZE, IMG_SIZE, 3), classes=NUM_CLASSES)
model.compile(optimizer=tf.keras.optimizers.Adam(1e-4), loss="categorical_crossentropy", metrics=["acc"])
model.fit(images, one_hot_masks, batch_size=4, epochs=100, validation_split=0.1)
