# source: https://muratkarakaya.net/2022/11/how-to-solve-multi-class-classification.html
# mistake: none - the tutorial's recommended integer-label setup: no activation on the last layer and SparseCategoricalCrossentropy(from_logits=True), softmax applied only when reading predictions
# shape: builder parameter; create_model(activation=None) default, loss object passed to a helper, tf.data pipeline from tfds.load(as_supervised=True)
# expect: none
import tensorflow as tf
import tensorflow_datasets as tfds
from tensorflow import keras
from tensorflow.keras import layers

(ds_train, ds_test), info = tfds.load("mnist", split=["train[:10%]", "test[:10%]"],
                                      as_supervised=True, with_info=True)
NUM_CLASSES = info.features["label"].num_classes


def create_model(activation=None):
    inputs = keras.Input(shape=(28, 28, 1))
    x = layers.Rescaling(1.0 / 255)(inputs)
    x = layers.Conv2D(32, 3, activation="relu")(x)
    x = layers.MaxPooling2D()(x)
    x = layers.Flatten()(x)
    return keras.Model(inputs, layers.Dense(NUM_CLASSES, activation=activation)(x))


def compile_and_train(model, loss):
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    model.fit(ds_train.batch(64), validation_data=ds_test.batch(64), epochs=5)
    return model


model = compile_and_train(create_model(), keras.losses.SparseCategoricalCrossentropy(from_logits=True))
probabilities = tf.nn.softmax(model.predict(ds_test.batch(64)))
