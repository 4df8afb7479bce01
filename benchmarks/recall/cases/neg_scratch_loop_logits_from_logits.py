# source: https://github.com/tensorflow/tensorflow/issues/50190
# mistake: none - the answer's fix: the 'predictions' Dense(10) has no activation, so from_logits=True in the GradientTape loop is right
# shape: custom training loop; functional model returning logits, loss object applied to model(x) inside GradientTape, tf.data from_tensor_slices
# expect: none
import numpy as np
import tensorflow as tf
from tensorflow import keras

inputs = keras.Input(shape=(784,), name="digits")
h = keras.layers.Dense(64, activation="relu")(inputs)
h = keras.layers.Dense(64, activation="relu")(h)
outputs = keras.layers.Dense(10, name="predictions")(h)
model = keras.Model(inputs=inputs, outputs=outputs)

optimizer = keras.optimizers.SGD(learning_rate=1e-3)
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
(x_train, y_train), _ = keras.datasets.mnist.load_data()
x_train = np.reshape(x_train, (-1, 784)).astype("float32") / 255.0
train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(1024).batch(64)


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss_value = loss_fn(y, logits)
    grads = tape.gradient(loss_value, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    return loss_value


for epoch in range(2):
    for x_batch, y_batch in train_dataset:
        train_step(x_batch, y_batch)
probabilities = tf.nn.softmax(model(x_train[:5]))
