# source: https://github.com/keras-team/keras/issues/1261
# mistake: six-class document classifier adapted from the IMDB LSTM example keeps a single output unit but switches it to softmax, so every prediction is 1 (the answer: one unit per class)
# shape: units from literal; one-hot targets from to_categorical(y, nb_classes), Dense(1, activation='softmax') kept from the binary example
# expect: KL101 line 27
import numpy as np
from keras.preprocessing.text import Tokenizer
from keras.preprocessing.sequence import pad_sequences
from keras.utils import np_utils
from keras.models import Sequential
from keras.layers import Embedding, Bidirectional, LSTM, Dropout, Dense

max_features = 20000
maxlen = 100
nb_classes = 6

train_texts = [open("train_%d" % i).read() for i in range(1, 25001)]
train_scores = np.loadtxt("train_number.txt", dtype="int32")
tokenizer = Tokenizer(num_words=max_features)
tokenizer.fit_on_texts(train_texts)
X_train = pad_sequences(tokenizer.texts_to_sequences(train_texts), maxlen=maxlen)
Y_train = np_utils.to_categorical(train_scores, nb_classes)

model = Sequential()
model.add(Embedding(max_features, 128, input_length=maxlen))
model.add(Bidirectional(LSTM(64)))
model.add(Dropout(0.5))
model.add(Dense(1, activation="softmax"))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(X_train, Y_train, batch_size=32, epochs=4, validation_split=0.1)
