# source: https://github.com/keras-team/keras/issues/7303
# mistake: a 3570-class classifier ends in Dense(3570, activation='sigmoid') and is compiled with sparse_categorical_crossentropy while its targets are one-hot rows of width 3570
# shape: units from literal; targets one-hot encoded with to_categorical(labels, 3570) after a LabelEncoder
# expect: KL107 line 23
# expect: KL201 line 24
import numpy as np
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
from keras.utils import to_categorical
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

frame = pd.read_csv("products.csv")
x = frame.drop(columns=["sku"]).values.astype("float32")
labels = LabelEncoder().fit_transform(frame["sku"])
y = to_categorical(labels, 3570)
x_train, x_valid, y_train, y_valid = train_test_split(x, y, test_size=0.2)

model = Sequential()
model.add(Dense(1024, input_dim=79, activation="relu"))
model.add(Dense(2048, activation="relu"))
model.add(Dense(3570, activation="sigmoid"))
model.compile(loss="sparse_categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=10, batch_size=1, validation_data=(x_valid, y_valid))
