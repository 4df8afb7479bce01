# source: https://github.com/bzamecnik/ml/issues/46
# mistake: none - chord recognition is multi-label (12 pitch classes can sound together): TimeDistributed sigmoid units with binary_crossentropy, as the author explained
# shape: TimeDistributed head; units from the target array's last axis (y.shape[-1]), LSTM sequence model
# expect: none
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dropout, TimeDistributed, Dense, Activation, BatchNormalization

x = np.load("chromagram_features.npz")["x"]     # (blocks, frames, features)
y = np.load("chord_pitch_classes.npz")["y"]     # (blocks, frames, 12) multi-hot
split = int(0.8 * len(x))
x_train, x_valid, y_train, y_valid = x[:split], x[split:], y[:split], y[split:]

model = Sequential()
model.add(BatchNormalization(input_shape=x.shape[1:]))
model.add(LSTM(50, return_sequences=True))
model.add(Dropout(0.2))
model.add(LSTM(50, return_sequences=True))
model.add(Dropout(0.2))
model.add(TimeDistributed(Dense(y.shape[-1])))
model.add(Activation('sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(x_train, y_train, validation_data=(x_valid, y_valid), epochs=10, batch_size=32)
