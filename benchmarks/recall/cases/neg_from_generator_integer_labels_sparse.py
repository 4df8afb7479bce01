# source: https://github.com/tensorflow/tensorflow/issues/62460
# mistake: none - CIFAR-10 batches come from a Python generator through tf.data.Dataset.from_generator with integer labels, a 10-way softmax and sparse_categorical_crossentropy (the report concerns a TensorFlow behaviour, the model and loss agree)
# shape: tf.data; Dataset.from_generator over a Python generator yielding integer labels, output_signature with an int32 label
# expect: none
import numpy as np
import tensorflow as tf

(x_train, y_train), (x_val, y_val) = tf.keras.datasets.cifar10.load_data()
x_train = x_train.astype("float32") / 255.0
x_val = x_val.astype("float32") / 255.0
NUM_CLASSES = 10


def samples(images, labels):
    for image, label in zip(images, labels):
        yield image, np.int32(label[0])


signature = (tf.TensorSpec(shape=(32, 32, 3), dtype=tf.float32), tf.TensorSpec(shape=(), dtype=tf.int32))
train_ds = tf.data.Dataset.from_generator(lambda: samples(x_train, y_train), output_signature=signature)
train_ds = train_ds.batch(20).prefetch(tf.data.AUTOTUNE)
val_ds = tf.data.Dataset.from_generator(lambda: samples(x_val, y_val), output_signature=signature).batch(20)

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(32, 3, activation="relu", input_shape=(32, 32, 3)),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Conv2D(64, 3, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(NUM_CLASSES, activation="softmax"),
])
model.compile(optimizer="adam", loss=tf.keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])
model.fit(train_ds, validation_data=val_ds, epochs=10)
