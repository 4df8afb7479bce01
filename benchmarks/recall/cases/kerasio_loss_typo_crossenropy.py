# source: https://github.com/keras-team/keras-io/pull/172
# mistake: loss spelled 'sparse_categorical_crossenropy' in an example script
# shape: literal; literal
# expect: KL301 line 19
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
x_train = x_train.astype("float32") / 255.0

inputs = keras.Input(shape=(28, 28))
x = layers.Flatten()(inputs)
x = layers.Dense(128, activation="relu")(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(
    optimizer=keras.optimizers.RMSprop(),
    loss="sparse_categorical_crossenropy",
    metrics=["accuracy"],
)
model.fit(x_train, y_train, batch_size=64, epochs=2)
