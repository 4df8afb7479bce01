# source: https://github.com/keras-team/keras/issues/15787
# mistake: loss name written 'sparse_categorical crossentropy' (space instead of underscore): Keras rejects it at fit time
# shape: literal; literal
# expect: KL301 line 17
import tensorflow as tf

mnist = tf.keras.datasets.mnist
(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = tf.keras.utils.normalize(x_train, axis=1)
x_test = tf.keras.utils.normalize(x_test, axis=1)

model = tf.keras.models.Sequential()
model.add(tf.keras.layers.Flatten(input_shape=(28, 28)))
model.add(tf.keras.layers.Dense(units=128, activation=tf.nn.relu))
model.add(tf.keras.layers.Dense(units=128, activation=tf.nn.relu))
model.add(tf.keras.layers.Dense(units=10, activation=tf.nn.softmax))
model.compile(optimizer="adam", loss="sparse_categorical crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=3)
print(model.evaluate(x_test, y_test))
