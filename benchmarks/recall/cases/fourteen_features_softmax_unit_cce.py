# source: https://stackoverflow.com/questions/68751439
# mistake: a binary classifier on 14 tabular features ends in Dense(1, activation='softmax') and is compiled with categorical_crossentropy: the output is always 1.0 and the categorical loss over one unit is constant, so nothing is learned in 100 epochs
# shape: literal; tf.keras layers through `from tensorflow import keras` (keras.layers.Dense), data from a CSV with the label in the last column (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/68751439; its make_classification stand-in replaced by the CSV)
# expect: KL101 line 17
# expect: KL103 line 18
import pandas as pd
from tensorflow import keras

table = pd.read_csv("records.csv")
X_train = table.iloc[:, :14].values
y_train = table.iloc[:, 14].values

model1 = keras.Sequential()
model1.add(keras.layers.Dense(64, input_dim=14, activation="relu"))
model1.add(keras.layers.Dense(128, activation="relu"))
model1.add(keras.layers.Dense(64, activation="relu"))
model1.add(keras.layers.Dense(1, activation="softmax"))
model1.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
performance1 = model1.fit(X_train, y_train, epochs=100, validation_split=0.2)
