# source: https://github.com/keras-team/keras/issues/4994
# mistake: none - the fix from the thread: the same 20 Newsgroups LSTM with its 20-way softmax over one-hot targets compiled with categorical_crossentropy (the stray Dense(1) + sigmoid bottleneck is a modelling weakness, not a loss/output mismatch)
# shape: units from a library's class list; len(newsgroups.target_names) of fetch_20newsgroups, to_categorical with that count, a stray Dense(1) + sigmoid inside the stack
# expect: none
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
model.compile(loss="categorical_crossentropy",
              optimizer="adam",
              metrics=["accuracy"])
model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=1, batch_size=128)
