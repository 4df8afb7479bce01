# source: https://github.com/keras-team/keras/issues/579
# mistake: the imdb_cnn example (Dense(1) + sigmoid, binary_crossentropy) adapted to six question topics labelled 0..5; binary crossentropy on labels up to 5 and a single sigmoid unit cannot separate six classes (accuracy shows 1.0000)
# shape: labels appended in loops; one labels.append(k) per topic file, k = 0..5, then np.array(labels)
# expect: KL205 line 68
import numpy as np
from keras.layers import Activation, Conv1D, Dense, Dropout, Embedding, Flatten, MaxPooling1D
from keras.models import Sequential
from keras.preprocessing import sequence

batch_size = 32
embedding_dims = 100
nb_filters = 250
filter_length = 3
hidden_dims = 250
nb_epoch = 10
maxlen = 200

sentences = []
words = {}
labels = []


def count(sentence):
    for word in sentence:
        words[word] = words.get(word, 0) + 1


for line in open(r"computer_q\questions.txt", encoding="utf-8"):
    sentences.append(line.split())
    count(sentences[-1])
    labels.append(0)
for line in open(r"culture_q\questions.txt", encoding="utf-8"):
    sentences.append(line.split())
    count(sentences[-1])
    labels.append(1)
for line in open(r"economy_q\questions.txt", encoding="utf-8"):
    sentences.append(line.split())
    count(sentences[-1])
    labels.append(2)
for line in open(r"education_q\questions.txt", encoding="utf-8"):
    sentences.append(line.split())
    count(sentences[-1])
    labels.append(3)
for line in open(r"health_q\questions.txt", encoding="utf-8"):
    sentences.append(line.split())
    count(sentences[-1])
    labels.append(4)
for line in open(r"sports_q\questions.txt", encoding="utf-8"):
    sentences.append(line.split())
    count(sentences[-1])
    labels.append(5)

vocab = {w: i + 1 for i, w in enumerate(sorted(words, key=words.get, reverse=True))}
X = sequence.pad_sequences([[vocab[w] for w in s] for s in sentences], maxlen=maxlen)
y = np.array(labels)

model = Sequential()
model.add(Embedding(len(vocab) + 1, embedding_dims, input_length=maxlen))
model.add(Dropout(0.25))
model.add(Conv1D(nb_filters, filter_length, padding="valid", activation="relu"))
model.add(MaxPooling1D(pool_size=2))
model.add(Flatten())
model.add(Dense(hidden_dims))
model.add(Dropout(0.25))
model.add(Activation("relu"))
model.add(Dense(1))
model.add(Activation("sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
model.fit(X, y, batch_size=batch_size, epochs=nb_epoch, validation_split=0.2, shuffle=True)
