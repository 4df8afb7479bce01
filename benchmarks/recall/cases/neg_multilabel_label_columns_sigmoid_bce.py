# source: https://datascience.stackexchange.com/questions/77834/evaluating-a-multi-label-classification-model
# mistake: none - 26 label columns, several may be 1 per row: one sigmoid unit per label column with binary_crossentropy (the low 'accuracy' the reporter saw is a metric question, not a model error)
# shape: units from len(list); label columns selected from a DataFrame, width len(label_cols), input width from shape[1]
# expect: none
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
from keras.callbacks import EarlyStopping

df = pd.read_csv("records.csv")
label_cols = [c for c in df.columns if c.startswith("label_")]
dataset = df.drop(columns=label_cols).values
labels = df[label_cols].values
n_cols = dataset.shape[1]

model = Sequential()
model.add(Dense(128, activation="relu", input_shape=(n_cols,)))
model.add(Dense(64, activation="relu"))
model.add(Dense(len(label_cols), activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="RMSprop", metrics=["binary_accuracy"])
model.fit(dataset, labels, validation_split=0.33, epochs=30,
          callbacks=[EarlyStopping(patience=20)])
