# source: https://stackoverflow.com/questions/62206004
# mistake: MNIST MLP on flattened images: categorical_crossentropy with the integer labels from load_data(); the reporter then asks why np.argmax of the predictions looks wrong (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s62206004_original.py; the reshape to 784 features is filled in)
# shape: keras.datasets; tf.keras.datasets.mnist.load_data() labels named train_labels/test_labels
# expect: KL202 line 17
import numpy as np
import tensorflow as tf

(train_images, train_labels), (test_images, test_labels) = tf.keras.datasets.mnist.load_data()
train_images = train_images.reshape(-1, 784) / 255.0
test_images = test_images.reshape(-1, 784) / 255.0

model = tf.keras.Sequential()
model.add(tf.keras.layers.Dense(512, activation=tf.nn.relu, input_shape=(784,)))
model.add(tf.keras.layers.Dense(256, activation=tf.nn.relu))
model.add(tf.keras.layers.Dense(10, activation=tf.nn.softmax))

model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
model.fit(train_images, train_labels, epochs=5)

loss = model.evaluate(test_images, test_labels)
print("Loss", loss)
scores = model.predict(test_images[0:1])
print(np.argmax(scores))
