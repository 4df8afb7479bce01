# source: https://github.com/keras-team/keras/issues/2172
# mistake: a three-label text classifier (labels 0, 1, 2 mapped from strings) keeps a single sigmoid output with binary_crossentropy; the loss goes to -8 and accuracy reads 1.0
# shape: dict mapping; integer labels built with a label->id dict over three classes, word2vec sequences as input
# expect: KL205 line 33
import numpy as np
import pandas as pd
from gensim.models import KeyedVectors
from keras.models import Sequential
from keras.layers import LSTM, Dropout, Dense, Activation

LABEL_IDS = {"negative": 0, "neutral": 1, "positive": 2}
sequence_size, dimsize = 40, 300

vectors = KeyedVectors.load_word2vec_format("GoogleNews-vectors-negative300.bin", binary=True)
frame = pd.read_csv("tweets.csv")


def embed(text):
    rows = [vectors[w] for w in text.split() if w in vectors][:sequence_size]
    rows += [np.zeros(dimsize)] * (sequence_size - len(rows))
    return np.array(rows)


X = np.stack([embed(t) for t in frame["text"]])
y = np.array([LABEL_IDS[label] for label in frame["sentiment"]])
X_train, X_test, y_train, y_test = X[:-5000], X[-5000:], y[:-5000], y[-5000:]

model = Sequential()
model.add(LSTM(400, input_shape=(sequence_size, dimsize)))
model.add(Dropout(0.5))
model.add(Dense(1))
model.add(Activation("sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=32, epochs=3, validation_data=(X_test, y_test))
