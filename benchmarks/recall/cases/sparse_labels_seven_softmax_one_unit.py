# source: https://python.19633.com/cs/python-tag-9/Keras-9/1009048621.html
# mistake: labels 0..6 trained with sparse_categorical_crossentropy on Dense(1, activation="softmax"): the softmax outputs 1.0 for every input and a 1-unit output has room for class 0 only
# shape: pandas column; integer labels taken from a DataFrame column, features from the remaining columns
# expect: KL101 line 20
# expect: KL103 line 21
import numpy as np
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense, Dropout

df = pd.read_csv("forest_cover.csv")
y = df["Cover_Type"].values - 1          # 7 cover types, now 0..6
X = df.drop("Cover_Type", axis=1).values.astype("float32")
X = (X - X.mean(axis=0)) / (X.std(axis=0) + 1e-8)

model = Sequential()
model.add(Dense(128, activation='relu', input_shape=(X.shape[1],)))
model.add(Dropout(0.2))
model.add(Dense(64, activation='relu'))
model.add(Dense(1, activation='softmax'))
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
model.fit(X, y, epochs=20, batch_size=256, validation_split=0.1)
