# source: https://geeksmental.com/question/why-does-accuracy-remain-the-same
# mistake: none - corrected twin of the report (the fix keras-team/keras#4784 was given for the same shape): inputs scaled by the threshold and a Dense(1, activation='sigmoid') output for binary_crossentropy on 0/1 labels
# shape: labels appended in loops; same data as the report, sigmoid output
# expect: none
import random

import numpy as np
from keras import Sequential
from keras.layers import Dense

threshold = 50000
samples = 5000

train_data = []
for _ in range(samples):
    train_data.append([random.randrange(0, threshold), 0])
    train_data.append([random.randrange(threshold, 2 * threshold), 1])

data_set = np.array(train_data, dtype="float32")
np.random.shuffle(data_set)
input_value = data_set[:, 0:1] / threshold
expected_result = data_set[:, 1]

model = Sequential()
model.add(Dense(3, input_dim=1, activation="relu"))
model.add(Dense(5, activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(input_value, expected_result, epochs=10, batch_size=5)
