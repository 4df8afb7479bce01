# source: https://stackguides.com/questions/46620813/keras-lstm-model-not-learning-binary-sequence
# mistake: one of the variants the asker says was tried next ("I tried other activations like softmax, sigmoid and linear"): the same next-bit LSTM with a linear Dense(1) head and binary_crossentropy without from_logits, which clips the raw score as if it were a probability
# shape: windows built in a loop; inputs and targets sliced from a random bit sequence with a window of 3 and reshaped to (n, 3, 1)
# expect: KL106 line 24
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
LSTM_net.add(Dense(1, activation="linear"))
LSTM_net.compile(optimizer="adagrad", loss="binary_crossentropy", metrics=["accuracy"])
LSTM_net.fit(vecX, vecY, batch_size=256, epochs=1000, verbose=2)
