# source: https://github.com/tensorflow/tensorflow/issues/28441
# mistake: none - MNIST with labels one-hot encoded by to_categorical and a CategoricalCrossentropy() loss object on a 10-way softmax (the report is a TensorFlow 1.13 bug with the loss object; the program is right)
# shape: literal; loss object instance, one-hot labels from to_categorical(y, 10)
# expect: none
import tensorflow as tf

(x_train, y_train), (x_test, y_test) = tf.keras.datasets.mnist.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0
y_train = tf.keras.utils.to_categorical(y_train, 10)
y_test = tf.keras.utils.to_categorical(y_test, 10)

model = tf.keras.models.Sequential([
    tf.keras.layers.Flatten(input_shape=(28, 28)),
    tf.keras.layers.Dense(512, activation=tf.nn.relu),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(10, activation=tf.nn.softmax),
])
model.compile(optimizer="adam", loss=tf.keras.losses.CategoricalCrossentropy(), metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=1000, epochs=5)
model.evaluate(x_test, y_test)
