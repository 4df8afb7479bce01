# source: https://github.com/TrickyGo/Dive-into-DL-TensorFlow2.0/issues/64
# mistake: character RNN returns raw Dense logits, but the custom training loop calls sparse_categorical_crossentropy without from_logits=True
# shape: custom training loop; subclassed model + custom GradientTape loop, loss function applied to model(x)
# expect: KL106 line 48
import numpy as np
import tensorflow as tf
from tensorflow import keras

corpus_indices = np.load("jaychou_indices.npy")
vocab_size = 1027
num_hiddens = 256
num_steps = 35


class RNNModel(keras.layers.Layer):
    def __init__(self, rnn_layer, vocab_size):
        super().__init__()
        self.rnn = rnn_layer
        self.vocab_size = vocab_size
        self.dense = keras.layers.Dense(vocab_size)

    def call(self, inputs, state):
        X = tf.one_hot(tf.transpose(inputs), self.vocab_size)
        Y, state = self.rnn(X, state)
        output = self.dense(tf.reshape(Y, (-1, Y.shape[-1])))
        return output, state


model = RNNModel(keras.layers.SimpleRNN(num_hiddens, time_major=True,
                                        return_sequences=True, return_state=True), vocab_size)
optimizer = keras.optimizers.SGD(learning_rate=1e2)


def data_iter(indices, batch_size, steps):
    n = (len(indices) - 1) // (batch_size * steps) * batch_size * steps
    xs = np.array(indices[:n]).reshape(batch_size, -1)
    ys = np.array(indices[1:n + 1]).reshape(batch_size, -1)
    for i in range(0, xs.shape[1], steps):
        yield xs[:, i:i + steps], ys[:, i:i + steps]


for epoch in range(250):
    state = [tf.zeros((32, num_hiddens))]
    for X, Y in data_iter(corpus_indices, 32, num_steps):
        with tf.GradientTape() as tape:
            outputs, state = model(X, state)
            y = Y.T.reshape((-1,))
            l = tf.reduce_mean(tf.losses.sparse_categorical_crossentropy(y, outputs))
        grads = tape.gradient(l, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
