# source: https://epcsirmaz.blogspot.com/2019/
# mistake: none - the fix the blog post settled on when accuracy got stuck at 1/N: the Keras softmax layer removed from the end of the model and a custom loss wrapping tf.nn.softmax_cross_entropy_with_logits on the raw scores, softmax applied only for prediction
# shape: user loss function; my_loss(truth, prediction) calling a tf.nn logits loss, model whose last layer is a bare Dense over the class count
# expect: none
import numpy as np
import tensorflow as tf
from tensorflow import keras

NUM_CLASSES = 12

x_train = np.load("features.npy")
y_train = keras.utils.to_categorical(np.load("labels.npy"), NUM_CLASSES)


def my_loss(truth, prediction):
    truth = tf.stop_gradient(truth)
    loss = tf.nn.softmax_cross_entropy_with_logits(labels=truth, logits=prediction)
    return tf.reduce_mean(loss)


inputs = keras.Input(shape=(x_train.shape[1],))
hidden = keras.layers.Dense(256, activation="relu")(inputs)
hidden = keras.layers.Dense(256, activation="relu")(hidden)
scores = keras.layers.Dense(NUM_CLASSES)(hidden)
model = keras.models.Model(inputs, scores)
model.compile(optimizer="adam", loss=my_loss, metrics=["categorical_accuracy"])
model.fit(x_train, y_train, epochs=30, batch_size=64)

probabilities = tf.nn.softmax(model.predict(x_train[:10]))
