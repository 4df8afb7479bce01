# source: https://stackoverflow.com/questions/64413907
# mistake: a masked LSTM classifier ends in Dense(num_classes, activation='relu') and is compiled with losses.categorical_crossentropy (probabilities expected, from_logits=False): relu outputs are neither probabilities nor logits (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/64413907)
# shape: units from a module-level variable; Dense(num_classes, 'relu'), loss passed as the function object losses.categorical_crossentropy, padded sequences from a helper
# expect: KL106 line 44
import os

import numpy as np
import tensorflow as tf
from keras import losses, models
from keras.layers import LSTM, Dense, Masking
from keras.utils import to_categorical


def set_seed(seed):
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    tf.random.set_seed(seed)


def create_padded_seq(num_samples, timesteps, num_feats, mask_value):
    feats = np.random.random([num_samples, timesteps, num_feats]).astype(np.float32)
    for i in range(num_samples):
        cut = np.random.randint(low=2, high=timesteps)
        feats[i, cut:, 0] = mask_value
    return feats


set_seed(42)
num_samples = 100
timesteps = 6
num_feats = 1
num_classes = 3
num_lstm_cells = 1
mask_value = -100

X_train = create_padded_seq(num_samples, timesteps, num_feats, mask_value)
y_train = np.random.randint(num_classes, size=num_samples)
cat_y_train = to_categorical(y_train, num_classes)

masked_model = models.Sequential(name="masked")
masked_model.add(Masking(mask_value=mask_value, input_shape=(timesteps, num_feats)))
masked_model.add(LSTM(num_lstm_cells, return_sequences=False))
masked_model.add(Dense(num_classes, activation="relu"))
masked_model.compile(loss=losses.categorical_crossentropy, optimizer="adam", metrics=["accuracy"])
masked_model.summary()
masked_model.fit(X_train, cat_y_train, batch_size=1, epochs=5, verbose=True)
