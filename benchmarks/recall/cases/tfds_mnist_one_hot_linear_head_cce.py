# source: https://muratkarakaya.net/2022/11/how-to-solve-multi-class-classification.html
# mistake: in the tutorial's one-hot experiment, the combination "no activation on the last layer" with CategoricalCrossentropy(from_logits=False): the loss treats the raw scores as probabilities, clips them and normalises them, so training stalls on the samples it gets most wrong
# shape: tf.data pipeline; one-hot targets from tf.one_hot in a Dataset.map function, last layer Dense(n_classes) without activation built in a helper, loss object with from_logits=False written out
# expect: KL106 line 32
import tensorflow as tf
import tensorflow_datasets as tfds
from tensorflow import keras
from tensorflow.keras import layers

(ds_train, ds_test), info = tfds.load("mnist", split=["train[:10%]", "test[:10%]"],
                                      as_supervised=True, with_info=True)
n_classes = info.features["label"].num_classes


def prepare(image, label):
    return tf.cast(image, tf.float32) / 255.0, tf.one_hot(label, n_classes)


def cnn(last_activation=None):
    inputs = keras.Input(shape=(28, 28, 1))
    x = layers.Conv2D(32, 3, activation="relu")(inputs)
    x = layers.MaxPooling2D()(x)
    x = layers.Flatten()(x)
    return keras.Model(inputs, layers.Dense(n_classes, activation=last_activation)(x))


train_ds = ds_train.map(prepare).batch(64)
test_ds = ds_test.map(prepare).batch(64)

model = cnn()
model.compile(optimizer="adam",
              loss=keras.losses.CategoricalCrossentropy(from_logits=False),
              metrics=["accuracy"])
model.fit(train_ds, validation_data=test_ds, epochs=5)
