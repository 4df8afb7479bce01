# source: https://github.com/keras-team/keras/issues/321
# mistake: an LSTM regressing the next two values of a saw-like sequence (values 1 to 10) ends in Dense(2) + Activation('softmax') trained with mean_squared_error: the outputs always sum to 1 and the loss never moves
# shape: separate Activation layer; regression targets built from a pandas frame, 2-unit Dense followed by Activation('softmax')
# expect: KL108 line 22
import numpy as np
import pandas as pd
from keras.models import Sequential
from keras.layers import LSTM, Dense, Activation

saw = pd.DataFrame({"a": np.tile(np.arange(1, 11), 6000), "b": np.tile(np.arange(10, 0, -1), 6000)})
values = saw.values.astype("float32")
window = 20
X = np.array([values[i:i + window] for i in range(len(values) - window)])
y = values[window:]
split = int(0.9 * len(X))
X_train, y_train, X_test = X[:split], y[:split], X[split:]

model = Sequential()
model.add(LSTM(150, input_shape=(window, 2), return_sequences=False))
model.add(Dense(2))
model.add(Activation("softmax"))
model.compile(loss="mean_squared_error", optimizer="rmsprop")
model.fit(X_train, y_train, batch_size=450, epochs=40, validation_split=0.05)
print(model.predict(X_test[:5]))
