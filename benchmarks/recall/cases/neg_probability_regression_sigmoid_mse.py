# source: https://example-a.com/answer/63909566
# mistake: none - the accepted answer's fix: a Dense(1, activation='sigmoid') output keeps the single prediction in [0, 1] for the mse regression of probabilities
# shape: units from literal; same program with a sigmoid output
# expect: none
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import Adam

X = np.load("features.npy").astype(np.int8)
y = np.load("probabilities.npy")
input_dims = X.shape[1]
W1_size = 64

model = Sequential()
model.add(Dense(W1_size, input_shape=(input_dims,), activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer=Adam(), loss="mse")
model.fit(X, y, batch_size=128, epochs=200)
