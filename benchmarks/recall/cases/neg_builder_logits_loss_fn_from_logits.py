# source: https://github.com/antoinewg/riddle/blob/78d58e8bdbcfe123de0556c314427dbe62d01fc7/src/build_model.py
# mistake: none - a builder function returns the quickstart MNIST model compiled in place: a linear Dense(10) head with loss_fn = SparseCategoricalCrossentropy(from_logits=True) on integer digit labels
# shape: builder function; build_model() with no parameters compiles a loss object held in a local loss_fn variable, the caller loads MNIST and fits under a __main__ guard (the caller is filled in)
# expect: none
import tensorflow as tf


def build_model():
    model = tf.keras.models.Sequential(
        [
            tf.keras.layers.Flatten(input_shape=(28, 28)),
            tf.keras.layers.Dense(128, activation="relu"),
            tf.keras.layers.Dropout(0.2),
            tf.keras.layers.Dense(10),
        ]
    )
    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    model.compile(optimizer="adam", loss=loss_fn, metrics=["accuracy"])
    return model


if __name__ == "__main__":
    (x_train, y_train), (x_test, y_test) = tf.keras.datasets.mnist.load_data()
    model = build_model()
    model.fit(x_train / 255.0, y_train, epochs=5)
    model.evaluate(x_test / 255.0, y_test, verbose=2)
