# source: https://github.com/keras-team/keras/issues/500
# mistake: a network that reads a window of characters and predicts the next character as a single number (its code, rounded afterwards) ends in Dense(1) followed by Activation("softmax"), so every prediction is exactly 1.0 ("Softmax on an array of size 1 is always 1", fchollet); the reporter's pastebin code is not available: the windowing and the mean squared error loss on the scaled code are filled in
# shape: separate Activation layer; Dense(1) then Activation("softmax") after an LSTM, character codes scaled by the alphabet size
# expect: KL101 line 29/30
import numpy as np
from keras.layers import LSTM, Activation, Dense, Dropout
from keras.models import Sequential

with open("input.txt", encoding="utf-8") as fh:
    text = fh.read()

chars = sorted(set(text))
char_to_code = {c: i for i, c in enumerate(chars)}
maxlen = 20

windows, next_codes = [], []
for i in range(len(text) - maxlen):
    windows.append([char_to_code[c] for c in text[i:i + maxlen]])
    next_codes.append(char_to_code[text[i + maxlen]])

X = np.array(windows, dtype="float32")[..., None] / len(chars)
y = np.array(next_codes, dtype="float32") / len(chars)

model = Sequential()
model.add(LSTM(128, return_sequences=True, input_shape=(maxlen, 1)))
model.add(Dropout(0.2))
model.add(LSTM(128))
model.add(Dropout(0.2))
model.add(Dense(1))
model.add(Activation("softmax"))
model.compile(loss="mean_squared_error", optimizer="rmsprop")

for epoch in range(100):
    model.fit(X, y, batch_size=128, epochs=1)
    seed = X[np.random.randint(len(X))][None]
    guess = int(round(float(model.predict(seed)[0, 0]) * len(chars)))
    print(epoch, repr(chars[min(guess, len(chars) - 1)]))
