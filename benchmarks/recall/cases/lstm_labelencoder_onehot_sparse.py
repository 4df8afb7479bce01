# source: https://github.com/keras-team/keras/issues/7663
# mistake: labels go through LabelEncoder and to_categorical (one-hot), yet the loss is sparse_categorical_crossentropy
# shape: units from y.shape[1]; units from y_train.shape[1]; to_categorical without num_classes
# expect: KL201 line 33
import pandas as pd
from sklearn.preprocessing import LabelEncoder
from sklearn.model_selection import train_test_split
from keras.preprocessing.text import Tokenizer
from keras.preprocessing.sequence import pad_sequences
from keras.utils import to_categorical
from keras.models import Sequential
from keras.layers import Embedding, Dropout, Conv1D, MaxPooling1D, LSTM, Dense, Activation

df = pd.read_csv("tickets.csv")
tokenizer = Tokenizer(num_words=20000)
tokenizer.fit_on_texts(df["text"])
x = pad_sequences(tokenizer.texts_to_sequences(df["text"]), maxlen=100)
encoder = LabelEncoder()
y = to_categorical(encoder.fit_transform(df["category"]))
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2)

max_features = len(tokenizer.word_index) + 1
nb_classes = y_train.shape[1]

model = Sequential()
model.add(Embedding(max_features, 128, input_length=100))
model.add(Dropout(0.25))
model.add(Conv1D(64, 5, padding="valid", activation="relu"))
model.add(MaxPooling1D(pool_size=4))
model.add(LSTM(70))
model.add(Dense(nb_classes))
model.add(Activation("softmax"))
model.compile(loss="sparse_categorical_crossentropy",
              optimizer="rmsprop", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=30, epochs=2, validation_data=(x_test, y_test))
