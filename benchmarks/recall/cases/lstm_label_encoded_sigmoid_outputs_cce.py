# source: https://stats.stackexchange.com/questions/565956/confused-with-binary-cross-entropy-vs-categorical-cross-entropy
# mistake: a label-encoded 0/1 target (y_train of shape (n, 1)) sets n_outputs = 1, and the LSTM was first compiled with categorical_crossentropy on that single sigmoid unit (26 % accuracy, predicts only class 0; the answer: with one output, categorical crossentropy is minimised by predicting 1 everywhere; the 0/1 labels are also label-encoded integers never one-hot encoded, so KL202 applies too: this expectation was added after the first run, see README)
# shape: units from y.shape[1]; n_timesteps, n_features, n_outputs unpacked from X_train.shape and y_train.shape, y label-encoded and reshaped to (-1, 1)
# expect: KL103 line 30
# expect: KL202 line 30
import numpy as np
import pandas as pd
from keras.layers import LSTM, Dense
from keras.models import Sequential
from sklearn.preprocessing import LabelEncoder

window = 5
frame = pd.read_csv("sessions.csv")
feature_columns = [c for c in frame.columns if c != "outcome"]
for column in feature_columns:
    frame[column] = LabelEncoder().fit_transform(frame[column])
target = LabelEncoder().fit_transform(frame["outcome"])

features = frame[feature_columns].to_numpy()
X = np.stack([features[i : i + window] for i in range(len(frame) - window)])
y = target[window:].reshape(-1, 1)
split = int(0.8 * len(X))
X_train, X_test = X[:split], X[split:]
y_train, y_test = y[:split], y[split:]

n_timesteps, n_features, n_outputs = X_train.shape[1], X_train.shape[2], y_train.shape[1]
model = Sequential()
model.add(LSTM(256, input_shape=(n_timesteps, n_features), recurrent_activation="hard_sigmoid"))
model.add(Dense(n_outputs, activation="sigmoid"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=10, batch_size=256, validation_data=(X_test, y_test))
