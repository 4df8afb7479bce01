# source: https://github.com/akinsezer26/Engineering_Research/blob/fd3ab039758ee0c3e22b8469a5edcf937132c5ed/createModel.py
# mistake: none - a two-class problem written as a 2-unit softmax with categorical_crossentropy on to_categorical of the CSV's Class column
# shape: pandas column; train_y = to_categorical(train_df.Class), input width n_cols = train_X.shape[1] of the frame without the target column
# expect: none
import pandas as pd
from keras.layers import Dense
from keras.models import Sequential
from keras.utils import to_categorical

train_df = pd.read_csv("data.csv")
train_X = train_df.drop(columns=["Class"])
train_y = to_categorical(train_df.Class)

n_cols = train_X.shape[1]

model = Sequential()
model.add(Dense(250, activation="relu", input_shape=(n_cols,)))
model.add(Dense(250, activation="relu"))
model.add(Dense(250, activation="relu"))
model.add(Dense(2, activation="softmax"))

model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_X, train_y, epochs=30, validation_split=0.2)
