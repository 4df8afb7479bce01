# source: https://github.com/keras-team/keras/issues/2878
# mistake: none - the report asks whether categorical_crossentropy may be used on 3-d targets: one of 7 labels for every step of 128-step sequences, a TimeDistributed softmax over the 7 labels and one-hot targets of shape (samples, 128, 7); Keras applies the loss over the last axis, so the pairing is right
# shape: sequence labelling; TimeDistributed(Dense(n_tags, activation="softmax")) after a return_sequences LSTM, to_categorical on a 2-d integer tag array, n_tags from a constant tag list
# expect: none
import numpy as np
from keras.layers import LSTM, Dense, Embedding, TimeDistributed
from keras.models import Sequential
from keras.utils import to_categorical

TAGS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
SEQ_LEN = 128
VOCAB = 20000

tokens = np.load("tokens.npy")
tag_ids = np.load("tag_ids.npy")
n_tags = len(TAGS)
y = to_categorical(tag_ids, n_tags)

model = Sequential()
model.add(Embedding(VOCAB, 128, input_length=SEQ_LEN))
model.add(LSTM(128, return_sequences=True))
model.add(TimeDistributed(Dense(n_tags, activation="softmax")))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(tokens, y, batch_size=32, epochs=10, validation_split=0.1)
