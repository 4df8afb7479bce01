# source: http://pullrequest.ru/13662601/kolichestvo-vyhodov-plotnom-sloe-softmax
# mistake: none - the 5 BBC topics are tokenized from 1 to 5 by a Keras Tokenizer, so Dense(6, activation='softmax') with sparse_categorical_crossentropy covers every label (class 0 is simply never used)
# shape: tokenizer ids; label ids from a second Tokenizer's texts_to_sequences, literal 6 units
# expect: none
import csv
import numpy as np
import tensorflow as tf
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.preprocessing.sequence import pad_sequences

sentences, labels = [], []
with open("bbc-text.csv", "r") as csvfile:
    reader = csv.reader(csvfile, delimiter=",")
    next(reader)
    for row in reader:
        labels.append(row[0])
        sentences.append(row[1])

train_size = int(len(sentences) * 0.8)
tokenizer = Tokenizer(num_words=1000, oov_token="<OOV>")
tokenizer.fit_on_texts(sentences[:train_size])
train_padded = pad_sequences(tokenizer.texts_to_sequences(sentences[:train_size]),
                             maxlen=120, padding="post", truncating="post")

label_tokenizer = Tokenizer()
label_tokenizer.fit_on_texts(labels)
training_label_seq = np.array(label_tokenizer.texts_to_sequences(labels[:train_size]))

model = tf.keras.Sequential([
    tf.keras.layers.Embedding(1000, 16, input_length=120),
    tf.keras.layers.GlobalAveragePooling1D(),
    tf.keras.layers.Dense(24, activation="relu"),
    tf.keras.layers.Dense(6, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(train_padded, training_label_seq, epochs=30, verbose=2)
