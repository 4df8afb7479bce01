# source: https://github.com/keras-team/keras/issues/590
# mistake: a count model merges an embedding/LSTM branch and a covariate LSTM branch and ends in a plain Dense(1) (linear) trained with the poisson loss; the loss takes log(y_pred), and a linear output goes negative, so the loss is nan from the first epoch (the same data trains with binary crossentropy on 0/1 targets); rewritten with the functional API for the old Merge(mode="sum")
# shape: functional multi-input; two branches summed with Add, targets loaded with np.load
# expect: KL110 line 30
import numpy as np
from keras.layers import LSTM, Add, Dense, Dropout, Embedding, Input
from keras.models import Model

X_1 = np.load("event_sequences.npy")      # (n, steps) event ids
X_2 = np.load("covariates.npy")           # (n, steps, k)
y = np.load("counts.npy")                 # (n,) number of events in the next period

left_in = Input(shape=(X_1.shape[1],))
left = Embedding(int(X_1.max()) + 1, 256)(left_in)
left = LSTM(256)(left)
left = Dropout(0.3)(left)
left = Dense(128)(left)

right_in = Input(shape=(X_2.shape[1], X_2.shape[2]))
right = LSTM(512, return_sequences=True)(right_in)
right = Dropout(0.3)(right)
right = LSTM(256, return_sequences=False)(right)
right = Dropout(0.1)(right)
right = Dense(128)(right)

merged = Add()([left, right])
output = Dense(1)(merged)

model = Model([left_in, right_in], output)
model.compile(loss="poisson", optimizer="adam")
components = model.fit([X_1, X_2], y, batch_size=256, epochs=20, validation_split=0.1)
