# source: https://github.com/Hkwln/nnut/blob/290d47b0fac03800d7d81aa4388af0742e368283/main.py
# mistake: the TensorFlow quickstart's loss_fn = SparseCategoricalCrossentropy(from_logits=True) is kept while the last layer became Dense(10, activation='softmax'): the probabilities are treated as logits and softmaxed again
# shape: tensorflow_datasets; MNIST from tfds.load(as_supervised=True) turned into numpy arrays by a prepare_data helper looping over the dataset, loss object held in a loss_fn variable and called once by hand before compile
# expect: KL105 line 32/36
import numpy as np
import tensorflow as tf
import tensorflow_datasets as tfds

(mnist_train, mnist_test), info = tfds.load(name="mnist", split=["train", "test"], shuffle_files=True, as_supervised=True, with_info=True)


def prepare_data(dataset):
    images, labels = [], []
    for image, label in dataset.as_numpy_iterator():
        images.append((np.array(image) / 255.0).reshape(-1))
        labels.append(label)
    return np.array(images, dtype=np.float32), np.array(labels, dtype=np.float32)


x_train, y_train = prepare_data(mnist_train)
x_test, y_test = prepare_data(mnist_test)

model = tf.keras.models.Sequential([
    tf.keras.layers.Flatten(input_shape=(28, 28, 1)),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(10, activation="softmax"),
])
predictions = model(x_train[:1]).numpy()
tf.nn.softmax(predictions).numpy()

loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
loss_fn(y_train[:1], predictions).numpy()

model.compile(optimizer="adam",
              loss=loss_fn,
              metrics=["accuracy"])
model.fit(x_train, y_train, epochs=5)
model.evaluate(x_test, y_test, verbose=2)
