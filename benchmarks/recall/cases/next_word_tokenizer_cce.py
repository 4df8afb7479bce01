# source: https://www.developerload.com/error-while-using-categoricalcrossentropy
# mistake: next-word model trained with categorical_crossentropy on integer word ids (last token of each sequence)
# shape: tokenizer ids + slice; tokenizer ids, targets sliced with [:, -1], units from len(word_index) + 1
# expect: KL202 line 29
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Embedding, Bidirectional, LSTM, Dense
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras.preprocessing.text import Tokenizer

text = open("poems.txt", encoding="utf-8").read().lower().split("\n")
tokenizer = Tokenizer()
tokenizer.fit_on_texts(text)
num = len(tokenizer.word_index) + 1

sequences = []
for line in text:
    ids = tokenizer.texts_to_sequences([line])[0]
    for i in range(1, len(ids)):
        sequences.append(ids[: i + 1])
max_len = max(len(s) for s in sequences)
sequences = np.array(pad_sequences(sequences, maxlen=max_len, padding="pre"))
X, Y = sequences[:, :-1], sequences[:, -1]

model = tf.keras.Sequential()
model.add(Embedding(num, 64, input_length=max_len - 1))
model.add(Bidirectional(LSTM(32)))
model.add(Dense(num, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
history = model.fit(X, Y, epochs=500)
