# source: https://github.com/google-research/google-research/issues/367
# mistake: the keyword-spotting model appends a softmax when its return_softmax flag is set, and the reporter's run sets it, while train() always compiles SparseCategoricalCrossentropy(from_logits=True) (the maintainer: with that loss "return_softmax has to be equal zero"); the softmax is applied twice; the att_mh_rnn model is reduced to its shape (conv, bidirectional GRUs, attention) in a builder reading a flags object
# shape: config dict; flags held in a SimpleNamespace built from a dict, builder appends Activation("softmax") under `if flags.return_softmax:`, loss object built in a separate train function
# expect: KL105 line 49/51
import types

import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

CONFIG = {
    "label_count": 12,
    "rnn_units": 128,
    "heads": 4,
    "dropout": 0.1,
    "return_softmax": 1,
    "learning_rate": 0.0005,
    "batch_size": 100,
    "epochs": 30,
}


def att_mh_rnn_model(flags):
    inputs = tf.keras.Input(shape=(98, 40), name="input_audio")
    net = layers.Reshape((98, 40, 1))(inputs)
    net = layers.Conv2D(10, (5, 1), padding="same", activation="relu")(net)
    net = layers.Conv2D(1, (5, 1), padding="same", activation="relu")(net)
    net = layers.Reshape((98, 40))(net)
    net = layers.Bidirectional(layers.GRU(flags.rnn_units, return_sequences=True))(net)
    net = layers.Bidirectional(layers.GRU(flags.rnn_units, return_sequences=True))(net)
    middle = net.shape[1] // 2
    feature = net[:, middle, :]
    queries = [layers.Dense(net.shape[-1])(feature) for _ in range(flags.heads)]
    heads = []
    for query in queries:
        scores = layers.Dot(axes=[2, 1])([net, query])
        weights = layers.Softmax()(scores)
        heads.append(layers.Dot(axes=[1, 1])([weights, net]))
    net = layers.Concatenate()(heads)
    net = layers.Dropout(flags.dropout)(net)
    net = layers.Dense(64, activation="relu")(net)
    net = layers.Dense(flags.label_count)(net)
    if flags.return_softmax:
        net = layers.Activation("softmax")(net)
    return tf.keras.Model(inputs, net)


def train(model, flags, x, y):
    loss = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.Adam(learning_rate=flags.learning_rate)
    model.compile(optimizer=optimizer, loss=loss, metrics=["accuracy"])
    return model.fit(x, y, batch_size=flags.batch_size, epochs=flags.epochs, validation_split=0.1)


if __name__ == "__main__":
    flags = types.SimpleNamespace(**CONFIG)
    features = np.load("speech_commands_features.npy")   # (n, 98, 40) log-mel frames
    labels = np.load("speech_commands_labels.npy")       # (n,) word ids 0..11
    train(att_mh_rnn_model(flags), flags, features, labels)
