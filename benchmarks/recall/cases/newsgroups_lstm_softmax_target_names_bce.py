# source: https://github.com/keras-team/keras/issues/4994
# mistake: 20 Newsgroups classifier: the pretrained-embedding example with its Conv part replaced by an LSTM, ending in Dense(len(labels_index), activation="softmax") over one-hot targets but compiled with binary_crossentropy; accuracy is stuck at 0.95 (19 of 20 columns right) from the first batch. The reporter read the corpus from its 20 folders; here it comes from scikit-learn's fetch_20newsgroups (the same 20 groups), so the width is 20 for every run
# shape: units from a library's class list; len(newsgroups.target_names) of fetch_20newsgroups, to_categorical with that count, a stray Dense(1) + sigmoid inside the stack
# expect: KL102 line 36
import numpy as np
from sklearn.datasets import fetch_20newsgroups
from tensorflow.keras.layers import LSTM, Activation, Dense, Embedding
from tensorflow.keras.models import Sequential
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.utils import to_categorical

MAX_WORDS = 20000
MAX_LEN = 1000
EMBED_DIM = 100

newsgroups = fetch_20newsgroups(subset="train", remove=("headers", "footers", "quotes"))
labels_index = {name: i for i, name in enumerate(newsgroups.target_names)}

tokenizer = Tokenizer(num_words=MAX_WORDS)
tokenizer.fit_on_texts(newsgroups.data)
sequences = tokenizer.texts_to_sequences(newsgroups.data)
data = pad_sequences(sequences, maxlen=MAX_LEN)
labels = to_categorical(np.asarray(newsgroups.target), len(labels_index))

split = int(0.8 * len(data))
x_train, x_val = data[:split], data[split:]
y_train, y_val = labels[:split], labels[split:]

model = Sequential()
model.add(Embedding(MAX_WORDS, EMBED_DIM, input_length=MAX_LEN))
model.add(LSTM(128, dropout=0.2, recurrent_dropout=0.2))
model.add(Dense(1))
model.add(Activation("sigmoid"))
model.add(Dense(len(labels_index), activation="softmax"))
model.compile(loss="binary_crossentropy",
              optimizer="adam",
              metrics=["accuracy"])
model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=1, batch_size=128)
