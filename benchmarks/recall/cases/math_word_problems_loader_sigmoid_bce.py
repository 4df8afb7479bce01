# source: https://github.com/keras-team/keras/issues/5853
# mistake: the IMDB LSTM sentiment example is reused to classify math word problems into four operations (labels 0-3 from a loader) without changing its single sigmoid output or binary_crossentropy
# shape: user function returning (x, y); labels are indices into a four-element list, computed inside a load_data() helper that returns two tuples
# expect: KL205 line 39
import csv

import numpy
from keras.layers import LSTM, Dense, Dropout, Embedding
from keras.models import Sequential
from keras.preprocessing import sequence
from keras.preprocessing.text import Tokenizer

OPERATIONS = ["addition", "subtraction", "multiplication", "division"]


def load_data(top_words, path="word_problems.csv", split=0.8):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    tokenizer = Tokenizer(num_words=top_words)
    tokenizer.fit_on_texts([r["problem"] for r in rows])
    x = tokenizer.texts_to_sequences([r["problem"] for r in rows])
    y = numpy.array([OPERATIONS.index(r["operation"]) for r in rows])
    cut = int(split * len(rows))
    return (x[:cut], y[:cut]), (x[cut:], y[cut:])


numpy.random.seed(7)
top_words = 1000
(X_train, y_train), (X_test, y_test) = load_data(top_words)
max_review_length = 50
X_train = sequence.pad_sequences(X_train, maxlen=max_review_length)
X_test = sequence.pad_sequences(X_test, maxlen=max_review_length)

model = Sequential()
model.add(Embedding(top_words, 32, input_length=max_review_length))
model.add(LSTM(100))
model.add(Dropout(0.2))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, validation_data=(X_test, y_test), epochs=3, batch_size=64)
