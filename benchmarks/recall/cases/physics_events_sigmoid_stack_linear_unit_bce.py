# source: https://stackoverflow.com/questions/57407973
# mistake: a deep classifier for 28 event features stacks sigmoid hidden layers but leaves the output Dense(1, kernel_initializer='normal') linear under binary_crossentropy: unbounded outputs are clipped as probabilities and validation accuracy stalls
# shape: literal; model.add chain with Dropout between layers, data from a CSV whose first column is the 0/1 label (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/57407973; its make_classification stand-in replaced by the CSV)
# expect: KL106 line 24
import pandas as pd
from keras.layers import Dense, Dropout
from keras.models import Sequential
from sklearn.model_selection import train_test_split

events = pd.read_csv("events.csv", header=None)
label = events.iloc[:, 0].values
inputs = events.iloc[:, 1:29].values
X_train, X_val, y_train, y_val = train_test_split(inputs, label, test_size=0.2, random_state=42)

model = Sequential()
model.add(Dense(28, input_dim=28, kernel_initializer="normal", activation="sigmoid"))
model.add(Dense(200, kernel_initializer="normal", activation="sigmoid"))
model.add(Dropout(0.5))
model.add(Dense(300, kernel_initializer="normal", activation="sigmoid"))
model.add(Dropout(0.5))
model.add(Dense(150, kernel_initializer="normal", activation="sigmoid"))
model.add(Dropout(0.4))
model.add(Dense(1, kernel_initializer="normal"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(X_train, y_train, epochs=34, batch_size=32, validation_data=(X_val, y_val))
