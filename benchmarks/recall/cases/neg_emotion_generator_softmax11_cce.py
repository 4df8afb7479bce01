# source: https://github.com/burlamix/Deep_emotional_recognition/blob/47ae0497f0cee6922fbfd1857233a5f0395b2411/FFNN.py
# mistake: none - an 11-emotion feed-forward net on 472 acoustic features ends in Dense(11, activation='softmax') with categorical_crossentropy, trained from a generator of one-hot batches
# shape: generator; a dataset_generator(batch_size) yielding (features, to_categorical(labels, 11)) forever (the repository imports it from its utils module; a version reading saved arrays is filled in), sigmoid hidden layers
# expect: none
import numpy as np
from keras.layers import Dense, Dropout
from keras.models import Sequential
from keras.optimizers import SGD
from keras.utils import to_categorical

N_EMOTIONS = 11


def dataset_generator(batch_size):
    features = np.load("features.npy")
    labels = np.load("emotions.npy")
    while True:
        idx = np.random.randint(0, len(features), batch_size)
        yield features[idx], to_categorical(labels[idx], N_EMOTIONS)


model = Sequential()
model.add(Dense(64, activation="sigmoid", input_dim=472))
model.add(Dropout(0.5))
model.add(Dense(64, activation="sigmoid"))
model.add(Dropout(0.5))
model.add(Dense(64, activation="sigmoid"))
model.add(Dropout(0.5))
model.add(Dense(64, activation="sigmoid"))
model.add(Dropout(0.5))
model.add(Dense(N_EMOTIONS, activation="softmax"))

sgd = SGD(learning_rate=0.0005, momentum=0.9, nesterov=True)
model.compile(loss="categorical_crossentropy", optimizer=sgd, metrics=["accuracy"])
model.fit(dataset_generator(16), steps_per_epoch=10, epochs=10)
