# source: https://stackoverflow.com/questions/51749207
# mistake: a Conv1D binary classifier over 600 spectral features ends in Dense(1, activation='softmax') with binary_crossentropy: the single softmax unit is always 1.0, so validation accuracy never moves from the share of positives
# shape: literal; model.add chain over a Conv1D stack, 0/1 labels split by slicing (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/51749207; the asker's data replaced by a CSV of features and a label column)
# expect: KL101 line 25
import numpy as np
import pandas as pd
from keras.layers import Conv1D, Dense, Dropout, Flatten, MaxPooling1D
from keras.models import Sequential

frame = pd.read_csv("spectra.csv")
features = frame.drop(columns=["label"]).to_numpy()
labels = frame["label"].to_numpy()

X_val, y_val = features[:90], labels[:90]
X_fit, y_fit = features[91:], labels[91:]
X_fit = np.expand_dims(X_fit, axis=2)
X_val = np.expand_dims(X_val, axis=2)

net = Sequential()
net.add(Conv1D(filters=20, kernel_size=4, activation="relu", padding="same", input_shape=(600, 1)))
net.add(MaxPooling1D(pool_size=2))
net.add(Dropout(0.3))
net.add(Flatten())
net.add(Dense(50, activation="relu"))
net.add(Dense(1, activation="softmax"))

net.compile(loss="binary_crossentropy", optimizer="nadam", metrics=["accuracy"])
net.fit(X_fit, y_fit, epochs=100, batch_size=8, validation_data=(X_val, y_val))
print(net.evaluate(X_val, y_val, verbose=0))
