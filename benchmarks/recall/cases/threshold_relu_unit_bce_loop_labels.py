# source: https://geeksmental.com/question/why-does-accuracy-remain-the-same
# mistake: a network that should tell whether a number is above a threshold ends in Dense(1, activation='relu') and is trained with binary_crossentropy; the relu output is not a probability, the loss clips it and accuracy stays at 0.5
# shape: labels appended in loops; [value, 0/1] pairs appended in a for loop, targets the numpy column data_set[:, 1]
# expect: KL106 line 30
import os
import random

import numpy as np
from keras import Sequential
from keras.layers import Dense

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
threshold = 50000
samples = 5000

train_data = []
for _ in range(samples):
    train_data.append([random.randrange(0, threshold), 0])
    train_data.append([random.randrange(threshold, 2 * threshold), 1])

data_set = np.array(train_data)
np.random.shuffle(data_set)
input_value = data_set[:, 0:1]
expected_result = data_set[:, 1]

model = Sequential()
model.add(Dense(3, input_dim=1, activation="relu"))
model.add(Dense(5, activation="relu"))
model.add(Dense(1, activation="relu"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(input_value, expected_result, epochs=10, batch_size=5)

_, accuracy = model.evaluate(input_value, expected_result)
print("Accuracy: %.2f" % (accuracy * 100))
