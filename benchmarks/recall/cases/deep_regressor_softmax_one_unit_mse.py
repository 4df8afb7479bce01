# source: https://stackoverflow.com/questions/54738769
# mistake: a six-hidden-layer regressor for a continuous target ends in Dense(1, activation='softmax') with mean_squared_error: every prediction is exactly 1.0 and the loss never changes
# shape: literal; model.add chain, targets a float column (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/54738769; the asker's data replaced by a CSV with 18 inputs)
# expect: KL101 line 23
import pandas as pd
from keras.layers import Dense
from keras.models import Sequential

COLUMNS = [f"x{i}" for i in range(18)]

table = pd.read_csv("measurements.csv")
inputs = table[COLUMNS].values
target = table["yield"].values

reg = Sequential()
reg.add(Dense(18, input_dim=18, activation="tanh"))
reg.add(Dense(36, activation="relu"))
reg.add(Dense(72, activation="relu"))
reg.add(Dense(72, activation="relu"))
reg.add(Dense(32, activation="relu"))
reg.add(Dense(16, activation="relu"))
# one output neuron for the predicted value
reg.add(Dense(1, activation="softmax"))

reg.compile(loss="mean_squared_error", optimizer="adam")
reg.fit(inputs, target, epochs=100, batch_size=35)
