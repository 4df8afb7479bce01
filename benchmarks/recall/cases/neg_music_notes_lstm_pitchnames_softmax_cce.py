# source: https://github.com/snehaadhav10/codealpha_task2/blob/22666d51cacb65b769e6655dd17c294ed9ba4452/4_model_training.py
# mistake: none; a note-generation LSTM whose head is Dense(len(pitchnames)) then Activation('softmax'), trained with categorical_crossentropy on the next-note ids one-hot encoded after compile
# shape: units from len() of a collection; pitchnames = sorted(set(notes)), next-note ids from a dict built with enumerate and appended in a loop, to_categorical after compile (3_sequence_preparation.py and 4_model_training.py of the same commit joined; the notes list, parsed from MIDI files in 2_data_preprocessing.py, is loaded from a pickle)
# expect: none
import pickle

import numpy as np
from keras.layers import LSTM, Activation, Dense, Dropout
from keras.models import Sequential
from keras.utils import to_categorical

with open("notes.pkl", "rb") as handle:
    notes = pickle.load(handle)

sequence_length = 100
pitchnames = sorted(set(item for item in notes))
note_to_int = dict((note, number) for number, note in enumerate(pitchnames))

network_input = []
network_output = []
for i in range(0, len(notes) - sequence_length):
    window = notes[i:i + sequence_length]
    following = notes[i + sequence_length]
    network_input.append([note_to_int[name] for name in window])
    network_output.append(note_to_int[following])

network_input = np.reshape(network_input, (len(network_input), sequence_length, 1))
network_input = network_input / float(len(pitchnames))

model = Sequential()
model.add(LSTM(512, input_shape=(network_input.shape[1], network_input.shape[2]), return_sequences=True))
model.add(Dropout(0.3))
model.add(LSTM(512))
model.add(Dense(256))
model.add(Dropout(0.3))
model.add(Dense(len(pitchnames)))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")

network_output = to_categorical(network_output)
model.fit(network_input, network_output, epochs=100, batch_size=64)
