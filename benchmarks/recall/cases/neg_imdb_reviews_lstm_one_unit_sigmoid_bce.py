# source: https://www.52sbl.cn/discussion/115307.html
# mistake: none; the answer's fix of the IMDb LSTM: one sigmoid unit with binary_crossentropy on the 0/1 folder labels
# shape: literal; vocabulary size and padded length computed from the tokenised reviews, labels from the neg/pos folders (filled in as in the mistaken twin)
# expect: none
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
longest = max(len(review) for review in reviews)
review_ids = pad_sequences([[index_of[w] for w in review] for review in reviews], maxlen=longest)

model = Sequential()
model.add(Embedding(input_dim=len(vocab) + 1, output_dim=32, input_length=longest))
model.add(LSTM(units=32))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(review_ids, sentiment, epochs=10, batch_size=64, validation_split=0.1)
