# source: https://github.com/tensorflow/tensorflow/issues/50190
# mistake: the 'training loop from scratch' model was given a softmax on its 'predictions' layer while the loop's loss keeps SparseCategoricalCrossentropy(from_logits=True)
# shape: custom training loop; functional model, loss object built once and applied to model(x) inside GradientTape, tf.data from_tensor_slices
# expect: KL105 line 16/28
import numpy as np
import tensorflow as tf
from tensorflow import keras

inputs = keras.Input(shape=(784,), name="digits")
h = keras.layers.Dense(64, activation="relu", name="dense_1")(inputs)
h = keras.layers.Dense(64, activation="relu", name="dense_2")(h)
outputs = keras.layers.Dense(10, activation="softmax", name="predictions")(h)
model = keras.Model(inputs=inputs, outputs=outputs)

optimizer = keras.optimizers.SGD(learning_rate=1e-3)
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)

batch_size = 64
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = np.reshape(x_train, (-1, 784)).astype("float32") / 255.0
train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train))
train_dataset = train_dataset.shuffle(buffer_size=1024).batch(batch_size)

for epoch in range(2):
    for step, (x_batch, y_batch) in enumerate(train_dataset):
        with tf.GradientTape() as tape:
            logits = model(x_batch, training=True)
            loss_value = loss_fn(y_batch, logits)
        grads = tape.gradient(loss_value, model.trainable_weights)
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
        if step % 200 == 0:
            print(epoch, step, float(loss_value))
