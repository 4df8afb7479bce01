# source: https://github.com/keras-team/keras/issues/8404
# mistake: a DenseNet built by create_dense_net(nb_classes, img_input, ..., activation="softmax") is compiled with sparse_categorical_crossentropy while it is fed by flow_from_directory with the default class_mode="categorical", which yields one-hot rows (the reported error: expected shape (None, 1) but got (64, 120)); the sparse loss needs one class id per image
# shape: flow_from_directory; default class_mode, units from train_batches.num_classes passed to a builder function that returns the output tensor
# expect: KL201 line 82
import keras
from keras import backend as K
from keras.layers import (Activation, AveragePooling2D, BatchNormalization, Concatenate, Conv2D, Dense,
                          Dropout, GlobalAveragePooling2D, Input, Lambda)
from keras.models import Model
from keras.preprocessing.image import ImageDataGenerator
from keras.regularizers import l2

path = "data/dogbreeds/"
batch_size = 64


def preprocess(x):
    return (x - 127.5) / 127.5


def relu_bn(x):
    return Activation("relu")(BatchNormalization()(x))


def conv(x, nf, sz, wd, p, stride=1):
    x = Conv2D(nf, (sz, sz), strides=(stride, stride), padding="same",
               kernel_initializer="he_uniform", kernel_regularizer=l2(wd))(x)
    return Dropout(p)(x) if p else x


def conv_block(x, nf, bottleneck=False, p=None, wd=0):
    x = relu_bn(x)
    if bottleneck:
        x = relu_bn(conv(x, nf * 4, 1, wd, p))
    return conv(x, nf, 3, wd, p)


def dense_block(x, nb_layers, growth_rate, bottleneck=False, p=None, wd=0):
    if bottleneck:
        nb_layers //= 2
    for _ in range(nb_layers):
        b = conv_block(x, growth_rate, bottleneck=bottleneck, p=p, wd=wd)
        x = Concatenate(axis=-1)([x, b])
    return x


def transition_block(x, compression=1.0, p=None, wd=0):
    nf = int(K.int_shape(x)[-1] * compression)
    x = relu_bn(x)
    x = conv(x, nf, 1, wd, p)
    return AveragePooling2D((2, 2), strides=(2, 2))(x)


def create_dense_net(nb_classes, img_input, depth=40, nb_block=3, growth_rate=12, nb_filter=16,
                     bottleneck=False, compression=1.0, p=None, wd=0, activation="softmax"):
    assert activation == "softmax" or activation == "sigmoid"
    assert (depth - 4) % nb_block == 0
    nb_layers_per_block = int((depth - 4) / nb_block)
    nb_layers = [nb_layers_per_block] * nb_block

    x = Lambda(preprocess)(img_input)
    x = conv(x, nb_filter, 3, wd, 0)
    for i, block in enumerate(nb_layers):
        x = dense_block(x, block, growth_rate, bottleneck=bottleneck, p=p, wd=wd)
        if i != len(nb_layers) - 1:
            x = transition_block(x, compression=compression, p=p, wd=wd)

    x = relu_bn(x)
    x = GlobalAveragePooling2D()(x)
    return Dense(nb_classes, activation=activation, kernel_regularizer=l2(wd))(x)


gen = ImageDataGenerator()
train_batches = gen.flow_from_directory(path + "train", target_size=(224, 224), batch_size=batch_size)
valid_batches = gen.flow_from_directory(path + "valid", target_size=(224, 224), batch_size=batch_size)

input_shape = (224, 224, 3)
img_input = Input(shape=input_shape)
x = create_dense_net(train_batches.num_classes, img_input, depth=100, nb_filter=16,
                     compression=0.5, bottleneck=True, p=0.2, wd=1e-4)
model = Model(img_input, x)
model.compile(loss="sparse_categorical_crossentropy",
              optimizer=keras.optimizers.SGD(0.1, 0.9, nesterov=True), metrics=["accuracy"])

nb_epoch = 1
model.fit(train_batches, epochs=nb_epoch, validation_data=valid_batches)
