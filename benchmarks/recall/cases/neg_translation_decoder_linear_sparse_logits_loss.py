# source: https://github.com/tensorflow/tensorflow/issues/17150
# mistake: none - a GRU encoder-decoder for machine translation ends in Dense(num_words, activation="linear") and is trained with a custom loss wrapping tf.nn.sparse_softmax_cross_entropy_with_logits on the integer target tokens, so the logits are scored as logits and the targets stay sparse (the report is about memory, not the loss)
# shape: functional multi-input; custom loss function over logits, vocabulary size from a module constant, decoder targets shifted token ids
# expect: none
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import GRU, Dense, Embedding, Input
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import RMSprop

num_words = 10000
embedding_size = 128
state_size = 512

encoder_input_data = np.load("europarl_src_tokens.npy")     # (n, src_len)
decoder_tokens = np.load("europarl_dest_tokens.npy")        # (n, dest_len + 1)
decoder_input_data = decoder_tokens[:, :-1]
decoder_output_data = decoder_tokens[:, 1:]

encoder_input = Input(shape=(None,), name="encoder_input")
net = Embedding(num_words, embedding_size, name="encoder_embedding")(encoder_input)
net = GRU(state_size, return_sequences=True)(net)
encoder_output = GRU(state_size, return_sequences=False)(net)

decoder_input = Input(shape=(None,), name="decoder_input")
net = Embedding(num_words, embedding_size, name="decoder_embedding")(decoder_input)
net = GRU(state_size, return_sequences=True)(net, initial_state=encoder_output)
decoder_output = Dense(num_words, activation="linear", name="decoder_output")(net)

model_train = Model(inputs=[encoder_input, decoder_input], outputs=[decoder_output])


def sparse_cross_entropy(y_true, y_pred):
    y_true = tf.cast(y_true, tf.int32)
    loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y_true, logits=y_pred)
    return tf.reduce_mean(loss)


model_train.compile(optimizer=RMSprop(learning_rate=1e-3), loss=sparse_cross_entropy)
model_train.fit(x=[encoder_input_data, decoder_input_data], y=decoder_output_data,
                batch_size=384, epochs=10, validation_split=0.005)
