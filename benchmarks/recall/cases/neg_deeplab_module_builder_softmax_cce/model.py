"""DeepLabV3+ (the project's model.py: its training script imports Deeplabv3 from it)."""
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.models import Model


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

