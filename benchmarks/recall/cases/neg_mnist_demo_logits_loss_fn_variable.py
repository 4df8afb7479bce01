# source: https://github.com/keneoneth/AITestPlatform/blob/ee179183c800da406a5782ee00b1cf9854d4abf2/models/mnist_demo_model.py
# mistake: none - the quickstart model as a platform plug-in: Dense(10) logits with SparseCategoricalCrossentropy(from_logits=True) held in a loss_fn variable, integer MNIST labels (the platform's data loading is filled in with load_data)
# shape: module-level variable; loss object in a loss_fn variable, model in a module-level mymodel
# expect: none
import tensorflow as tf

(x_train, y_train), (x_test, y_test) = tf.keras.datasets.mnist.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0

mymodel = tf.keras.models.Sequential([
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(10),
])

loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
mymodel.compile(optimizer="adam", loss=loss_fn, metrics=["accuracy"])
mymodel.fit(x_train, y_train, epochs=5)
