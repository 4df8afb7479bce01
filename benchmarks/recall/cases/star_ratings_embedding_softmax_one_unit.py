# source: https://datascience.stackexchange.com/questions/93074/how-to-improve-lstm-accuracy-on-multiclass-text-classification
# mistake: reviews are classified into the ratings 1-5 with a model ending in Dense(1, activation="softmax"): the single softmax unit always outputs 1.0; the question shows the layers and hyperparameters only, so the tokenisation, the pooling after the embedding and the loss (sparse_categorical_crossentropy on the ratings shifted to 0-4, which a 1-unit output cannot represent either) are filled in
# shape: literal; hyperparameters held in module-level constants, labels from a pandas column
# expect: KL101 line 27
# expect: KL103 line 28
import pandas as pd
from tensorflow.keras.layers import Dense, Embedding, GlobalAveragePooling1D
from tensorflow.keras.models import Sequential
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras.preprocessing.text import Tokenizer

vocab_size = 5000
embedding_dim = 32
max_length = 354
oov_tok = "<OOV>"

reviews = pd.read_csv("app_reviews.csv")
tokenizer = Tokenizer(num_words=vocab_size, oov_token=oov_tok)
tokenizer.fit_on_texts(reviews["content"])
padded = pad_sequences(tokenizer.texts_to_sequences(reviews["content"]),
                       maxlen=max_length, padding="post", truncating="post")
labels = reviews["score"].values - 1

model = Sequential()
model.add(Embedding(vocab_size, embedding_dim))
model.add(GlobalAveragePooling1D())
model.add(Dense(1, activation="softmax"))
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(padded, labels, epochs=10, validation_split=0.2)
