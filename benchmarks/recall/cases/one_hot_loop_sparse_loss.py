# source: https://github.com/tensorflow/tensorflow/issues/32333
# mistake: targets are built as one-hot rows with tf.one_hot in a helper, but the model is compiled with SparseCategoricalCrossentropy
# shape: user function returning (x, y); user function returning (x, y), one-hot rows written in a loop
# expect: KL201 line 30
import random
import numpy as np
import tensorflow as tf

INPUT_SHAPE = [3, 5]
NUM_POINTS = 20
NUM_LABELS = 3


def data_gen_all(num, in_shape, num_labels):
    x = np.zeros([num] + in_shape)
    y = np.zeros([num] + [num_labels])
    for i in range(num):
        x[i, :, :] = np.random.rand(in_shape[0], in_shape[1])
        y[i] = tf.one_hot(random.randint(0, num_labels - 1), num_labels).numpy()
    return x, y


x_all, y_all = data_gen_all(NUM_POINTS, INPUT_SHAPE, NUM_LABELS)

model = tf.keras.Sequential([
    tf.keras.layers.LSTM(16, input_shape=INPUT_SHAPE),
    tf.keras.layers.Dense(NUM_LABELS, activation="softmax"),
])
model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(),
              metrics=["accuracy"])
model.fit(x_all, y_all, batch_size=7, epochs=4)
