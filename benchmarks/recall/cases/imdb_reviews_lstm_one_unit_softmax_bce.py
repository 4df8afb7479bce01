# source: https://www.52sbl.cn/discussion/115307.html
# mistake: an IMDb sentiment LSTM ends in Dense(1, activation='softmax') with binary_crossentropy: the single softmax unit is always 1.0, so loss and accuracy stay at the same values (0.50 accuracy) every epoch
# shape: literal; vocabulary size and padded length computed from the tokenised reviews (len(vocab) + 1, max of the lengths), reviews turned into word-index lists by hand, labels from the neg/pos folders (filled in: the post shows the model, its summary and the fit)
# expect: KL101 line 36
import os

import numpy as np
from tensorflow.keras.layers import LSTM, Dense, Embedding
from tensorflow.keras.models import Sequential
from tensorflow.keras.preprocessing.sequence import pad_sequences


def read_reviews(folder):
    texts, labels = [], []
    for label, sub in enumerate(["neg", "pos"]):
        path = os.path.join(folder, sub)
        for name in sorted(os.listdir(path)):
            with open(os.path.join(path, name), encoding="utf-8") as handle:
                texts.append(handle.read().lower().split())
            labels.append(label)
    return texts, np.array(labels)


reviews, sentiment = read_reviews("aclImdb/train")
vocab = sorted({word for review in reviews for word in review})
index_of = {word: i + 1 for i, word in enumerate(vocab)}
n_words = len(vocab) + 1
longest = max(len(review) for review in reviews)
embed_size = 4

review_ids = pad_sequences([[index_of[w] for w in review] for review in reviews], maxlen=longest)

model = Sequential()
model.add(Embedding(input_dim=n_words, output_dim=embed_size, input_length=longest))
model.add(LSTM(units=1))
model.add(Dense(1, activation="softmax"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy", "binary_accuracy"])
model.summary()

history = model.fit(x=review_ids, y=sentiment, epochs=10, batch_size=64, validation_split=0.01)
