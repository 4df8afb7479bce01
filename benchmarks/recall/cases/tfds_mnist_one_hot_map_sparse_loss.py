# source: https://muratkarakaya.net/2022/11/how-to-solve-multi-class-classification.html
# mistake: the tutorial's second experiment encodes the MNIST labels as one-hot vectors in the tf.data pipeline (tf.one_hot inside map) and then pairs them with the sparse loss, which expects one integer class per sample
# shape: tf.data pipeline; one-hot targets made by tf.one_hot(label, depth) in a Dataset.map function, width from info.features["label"].num_classes
# expect: KL201 line 34
import tensorflow as tf
import tensorflow_datasets as tfds
from tensorflow import keras
from tensorflow.keras import layers

(ds_train, ds_test), info = tfds.load("mnist", split=["train[:10%]", "test[:10%]"],
                                      as_supervised=True, with_info=True)
n_classes = info.features["label"].num_classes


def to_one_hot(image, label):
    image = tf.cast(image, tf.float32) / 255.0
    return image, tf.one_hot(label, n_classes)


train_ds = ds_train.map(to_one_hot).batch(64).prefetch(tf.data.AUTOTUNE)
test_ds = ds_test.map(to_one_hot).batch(64)

model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(32, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(n_classes, activation="softmax"),
    ]
)
model.compile(
    optimizer="adam",
    loss=keras.losses.SparseCategoricalCrossentropy(),
    metrics=["accuracy"],
)
model.fit(train_ds, validation_data=test_ds, epochs=5)
