# source: https://stackguides.com/questions/46620813/keras-lstm-model-not-learning-binary-sequence
# mistake: an LSTM that predicts the next bit of a 0/1 sequence from the three previous bits ends in Dense(1, activation="softmax") with binary_crossentropy; the single softmax unit is always 1.0, so the accuracy stays at 0.4992 for a thousand epochs
# shape: windows built in a loop; inputs and targets sliced from a random bit sequence with a window of 3 and reshaped to (n, 3, 1)
# expect: KL101 line 23
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

WINDOW = 3

rng = np.random.default_rng(7)
sequence = rng.integers(0, 2, size=20000)

windows, targets = [], []
for start in range(len(sequence) - WINDOW):
    windows.append(sequence[start:start + WINDOW])
    targets.append(sequence[start + WINDOW])
vecX = np.array(windows, dtype="float32").reshape(-1, WINDOW, 1)
vecY = np.array(targets, dtype="float32").reshape(-1, 1)

LSTM_net = Sequential()
LSTM_net.add(LSTM(1, input_shape=(WINDOW, 1)))
LSTM_net.add(Dense(1, activation="softmax"))
LSTM_net.compile(optimizer="adagrad", loss="binary_crossentropy", metrics=["accuracy"])
LSTM_net.fit(vecX, vecY, batch_size=256, epochs=1000, verbose=2)
