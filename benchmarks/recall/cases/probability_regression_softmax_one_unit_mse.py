# source: https://example-a.com/answer/63909566
# mistake: regression of probabilities in [0, 1]: the reporter squashes the single output with Dense(1, activation='softmax') and trains with mse; softmax over one unit is always 1, so the loss never moves between epochs (the accepted answer: use a sigmoid)
# shape: units from literal; hidden width and input size from variables, X int8 features loaded from disk
# expect: KL101 line 19
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import Adam

X = np.load("features.npy").astype(np.int8)   # 2-D
y = np.load("probabilities.npy")               # float64 in [0, 1]
input_dims = X.shape[1]
W1_size = 64
batch_size = 128
MAX_EPOCHS = 200

model = Sequential()
model.add(Dense(W1_size, input_shape=(input_dims,), activation="relu"))
model.add(Dense(1, activation="softmax"))
model.compile(optimizer=Adam(), loss="mse")  # mse: a regression of probabilities
model.fit(X, y, batch_size=batch_size, epochs=MAX_EPOCHS)
