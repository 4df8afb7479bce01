# source: https://github.com/MITDeepLearning/introtodeeplearning/issues/147
# mistake: none - the lab solution the issue asks about: the character model ends in Dense(vocab_size) with no softmax because the training step scores the logits with sparse_categorical_crossentropy(..., from_logits=True) and generation samples from the logits with tf.random.categorical
# shape: custom training loop; builder build_model(vocab_size, embedding_dim, rnn_units, batch_size) with vocab_size = len(vocab), GradientTape step calling the loss function with from_logits=True, sampling from logits
# expect: none
import numpy as np
import tensorflow as tf

text = open("irish.abc").read()
vocab = sorted(set(text))
char2idx = {u: i for i, u in enumerate(vocab)}
vectorized = np.array([char2idx[c] for c in text])


def get_batch(vectorized_songs, seq_length, batch_size):
    n = vectorized_songs.shape[0] - 1
    idx = np.random.choice(n - seq_length, batch_size)
    x_batch = np.array([vectorized_songs[i: i + seq_length] for i in idx])
    y_batch = np.array([vectorized_songs[i + 1: i + seq_length + 1] for i in idx])
    return x_batch, y_batch


def build_model(vocab_size, embedding_dim, rnn_units, batch_size):
    model = tf.keras.Sequential([
        tf.keras.layers.Embedding(vocab_size, embedding_dim, batch_input_shape=[batch_size, None]),
        tf.keras.layers.LSTM(rnn_units, return_sequences=True, stateful=True),
        tf.keras.layers.Dense(vocab_size),
    ])
    return model


def compute_loss(labels, logits):
    return tf.keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True)


model = build_model(len(vocab), embedding_dim=256, rnn_units=1024, batch_size=32)
optimizer = tf.keras.optimizers.Adam(5e-3)


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        y_hat = model(x)
        loss = compute_loss(y, y_hat)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for step in range(2000):
    x_batch, y_batch = get_batch(vectorized, seq_length=100, batch_size=32)
    loss = train_step(x_batch, y_batch)

predictions = model(tf.expand_dims([char2idx["X"]] * 32, 1))
next_ids = tf.random.categorical(tf.squeeze(predictions, 1), num_samples=1)
