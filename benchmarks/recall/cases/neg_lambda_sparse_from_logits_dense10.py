# source: https://github.com/tensorflow/tensorflow/issues/24518
# mistake: none - the feature request's workaround: a Dense(10) logits head trained through a lambda that calls keras.losses.sparse_categorical_crossentropy(..., from_logits=True); logits with from_logits=True are right
# shape: loss as a lambda; the loss is a lambda wrapping the loss function with from_logits=True (no loss object), MNIST integer labels, probabilities read with a softmax after training
# expect: none
import tensorflow as tf
from tensorflow import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.reshape(-1, 784).astype("float32") / 255.0
x_test = x_test.reshape(-1, 784).astype("float32") / 255.0

x = keras.layers.Input(shape=(784,))
h = keras.layers.Dense(256, activation="relu")(x)
y_pred = keras.layers.Dense(10)(h)

model = keras.Model(inputs=x, outputs=y_pred)
model.compile("adam", lambda y_true, logits: keras.losses.sparse_categorical_crossentropy(y_true, logits, from_logits=True))
model.fit(x_train, y_train, epochs=3, batch_size=128)

probabilities = tf.nn.softmax(model.predict(x_test[:5]))
print(probabilities.numpy().argmax(axis=1), y_test[:5])
