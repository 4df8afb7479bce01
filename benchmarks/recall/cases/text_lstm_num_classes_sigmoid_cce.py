# source: https://quick-geek.imtqy.com/answers/927327/index.html
# mistake: a text classifier over num_classes single-label categories ends in Dense(num_classes, activation="sigmoid") and trains with categorical_crossentropy (the answer: sigmoid belongs with binary_crossentropy, several classes need softmax with categorical_crossentropy); the tokenisation and the one-hot targets are filled in
# shape: units from len(list); num_classes = len(categories) from the label column, Tokenizer + to_categorical on the category codes
# expect: KL107 line 32
import pandas as pd
from keras.layers import LSTM, Dense, Embedding, SpatialDropout1D
from keras.models import Sequential
from keras.preprocessing.sequence import pad_sequences
from keras.preprocessing.text import Tokenizer
from keras.utils import to_categorical

max_features = 20000
maxlen = 200

train = pd.read_csv("news_train.csv")
test = pd.read_csv("news_test.csv")
categories = sorted(train["category"].unique())
num_classes = len(categories)
code_of = {c: i for i, c in enumerate(categories)}

tokenizer = Tokenizer(num_words=max_features)
tokenizer.fit_on_texts(train["text"])
x_train = pad_sequences(tokenizer.texts_to_sequences(train["text"]), maxlen=maxlen)
x_test = pad_sequences(tokenizer.texts_to_sequences(test["text"]), maxlen=maxlen)
y_train = to_categorical(train["category"].map(code_of), num_classes)
y_test = to_categorical(test["category"].map(code_of), num_classes)

model = Sequential()
model.add(Embedding(max_features, 32))
model.add(SpatialDropout1D(0.2))
model.add(LSTM(100, dropout=0.2, recurrent_dropout=0.2))
model.add(Dense(num_classes, activation="sigmoid"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=256, epochs=15, validation_data=(x_test, y_test), verbose=2)
scores = model.evaluate(x_test, y_test, batch_size=256)
