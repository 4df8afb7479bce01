# source: https://github.com/ubclaunchpad/minutes/issues/133
# mistake: none for the loss and output rules - the issue points out that the second-to-last layer also uses softmax (a hidden layer squashed into a distribution, a modelling weakness); the output itself is a softmax over the speakers trained with categorical_crossentropy on one-hot targets, which is the right pairing
# shape: units from a computed count; num_speakers = len(speaker_ids) from a set of the label strings, to_categorical with that count, a method of a plain class that builds and compiles
# expect: none
import numpy as np
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.utils import to_categorical


class SpeakerModel:
    def __init__(self, spectrograms, speakers):
        self.x = spectrograms
        self.speaker_ids = sorted(set(speakers))
        index = {s: i for i, s in enumerate(self.speaker_ids)}
        self.y = to_categorical([index[s] for s in speakers], len(self.speaker_ids))

    def build(self):
        model = Sequential()
        model.add(Conv2D(16, (3, 3), activation="relu", input_shape=self.x.shape[1:]))
        model.add(MaxPooling2D(pool_size=(2, 2)))
        model.add(Flatten())
        model.add(Dense(64, activation="softmax"))
        model.add(Dense(len(self.speaker_ids), activation="softmax"))
        model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
        return model


data = np.load("spectrograms.npz")
speaker_model = SpeakerModel(data["x"], list(data["speakers"]))
net = speaker_model.build()
net.fit(speaker_model.x, speaker_model.y, epochs=10, batch_size=32)
