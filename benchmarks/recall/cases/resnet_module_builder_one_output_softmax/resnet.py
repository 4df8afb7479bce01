"""ResNet builders (the project's resnet.py: the user's script imports it)."""

from keras import backend as K
from keras.layers import Activation, Add, AveragePooling2D, BatchNormalization, Conv2D, Dense, Flatten, Input, MaxPooling2D
from keras.models import Model


def _bn_relu(x):
    x = BatchNormalization(axis=-1)(x)
    return Activation("relu")(x)


def _conv_bn_relu(filters, kernel_size, strides=(1, 1)):
    def f(x):
        x = Conv2D(filters, kernel_size, strides=strides, padding="same", kernel_initializer="he_normal")(x)
        return _bn_relu(x)

    return f


def _shortcut(x, residual):
    stride = int(round(K.int_shape(x)[1] / K.int_shape(residual)[1]))
    if stride > 1 or K.int_shape(x)[-1] != K.int_shape(residual)[-1]:
        x = Conv2D(K.int_shape(residual)[-1], (1, 1), strides=(stride, stride), padding="valid")(x)
    return Add()([x, residual])


def basic_block(filters, init_strides=(1, 1)):
    def f(x):
        residual = _conv_bn_relu(filters, (3, 3), strides=init_strides)(x)
        residual = Conv2D(filters, (3, 3), padding="same", kernel_initializer="he_normal")(residual)
        return _bn_relu(_shortcut(x, residual))

    return f


class ResnetBuilder(object):
    @staticmethod
    def build(input_shape, num_outputs, block_fn, repetitions):
        inputs = Input(shape=input_shape)
        x = _conv_bn_relu(64, (7, 7), strides=(2, 2))(inputs)
        x = MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same")(x)
        filters = 64
        for i, r in enumerate(repetitions):
            for j in range(r):
                strides = (2, 2) if j == 0 and i > 0 else (1, 1)
                x = block_fn(filters, init_strides=strides)(x)
            filters *= 2
        x = _bn_relu(x)
        x = AveragePooling2D(pool_size=(K.int_shape(x)[1], K.int_shape(x)[2]), strides=(1, 1))(x)
        x = Flatten()(x)
        dense = Dense(units=num_outputs, kernel_initializer="he_normal", activation="softmax")(x)
        return Model(inputs=inputs, outputs=dense)

    @staticmethod
    def build_resnet_18(input_shape, num_outputs):
        return ResnetBuilder.build(input_shape, num_outputs, basic_block, [2, 2, 2, 2])

    @staticmethod
    def build_resnet_34(input_shape, num_outputs):
        return ResnetBuilder.build(input_shape, num_outputs, basic_block, [3, 4, 6, 3])

