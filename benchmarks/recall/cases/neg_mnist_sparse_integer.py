# source: https://coinerblog.com/how-to-use-keras-sparse-categorical-crossentropy-47da9734bd98/
# mistake: none - integer MNIST labels with a 10-way softmax and sparse_categorical_crossentropy
# shape: module-level variable; load_data labels kept as integers, units from a constant
# expect: none
from tensorflow import keras
from tensorflow.keras import layers

NUM_CLASSES = 10
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train[..., None].astype("float32") / 255

model = keras.Sequential([
    layers.Conv2D(32, 3, activation="relu", input_shape=(28, 28, 1)),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(NUM_CLASSES, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
              metrics=["sparse_categorical_accuracy"])
model.fit(x_train, y_train, batch_size=128, epochs=3)
