# source: https://github.com/LabeliaLabs/distributed-learning-contributivity/issues/181
# mistake: a training helper re-compiles every dataset's model with categorical_crossentropy; the IMDB model it receives ends in a single sigmoid unit, so its loss is constant and it learns nothing; the IMDB labels are integers 0/1 never one-hot encoded, so KL202 applies too (expectation added when the engine first reported it, engine1 branch; the line shift moved KL103 from 30 to 31)
# shape: helper compiles a parameter; model built by a function passed in as an argument, compiled inside a helper with a hard-coded loss
# expect: KL103 line 31
# expect: KL202 line 31
import numpy as np
from tensorflow import keras
from tensorflow.keras.datasets import imdb
from tensorflow.keras.preprocessing.sequence import pad_sequences

num_words = 5000
max_len = 500


def generate_new_model_for_imdb():
    model = keras.Sequential()
    model.add(keras.layers.Embedding(num_words, 32, input_length=max_len))
    model.add(keras.layers.Conv1D(32, 3, padding="same", activation="relu"))
    model.add(keras.layers.MaxPooling1D())
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(250, activation="relu"))
    model.add(keras.layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_model_from_weights(generate_new_model, new_weights=None):
    new_model = generate_new_model()
    if new_weights is not None:
        new_model.set_weights(new_weights)
    new_model.compile(loss=keras.losses.categorical_crossentropy, optimizer="adam", metrics=["accuracy"])
    return new_model


(x_train, y_train), (x_test, y_test) = imdb.load_data(num_words=num_words)
x_train = pad_sequences(x_train, maxlen=max_len)
x_test = pad_sequences(x_test, maxlen=max_len)
partner_models = []
for partner_index in range(3):
    model = build_model_from_weights(generate_new_model_for_imdb)
    part = slice(partner_index * 8000, (partner_index + 1) * 8000)
    model.fit(x_train[part], y_train[part], epochs=2, batch_size=64, validation_data=(x_test, y_test))
    partner_models.append(model)
