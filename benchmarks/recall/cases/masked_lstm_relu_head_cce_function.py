# source: https://stackoverflow.com/questions/64413907
# mistake: a masked LSTM classifier ends in Dense(num_classes, activation='relu') and is compiled with losses.categorical_crossentropy (probabilities expected, from_logits=False): relu outputs are neither probabilities nor logits (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/64413907)
# shape: units from a module-level variable; Dense(num_classes, "relu"), loss passed as the function object losses.categorical_crossentropy, padded sequences from a helper
# expect: KL106 line 34
import numpy as np
import tensorflow as tf
from keras import losses, models
from keras.layers import LSTM, Dense, Masking
from keras.utils import to_categorical

PAD = -100.0
num_classes = 3
timesteps, num_feats = 6, 1


def pad_tail(batch, pad_value, rng):
    """Overwrite a random tail of each sequence with the padding value."""
    lengths = rng.integers(low=2, high=batch.shape[1], size=batch.shape[0])
    steps = np.arange(batch.shape[1])[None, :]
    batch[..., 0] = np.where(steps >= lengths[:, None], pad_value, batch[..., 0])
    return batch


rng = np.random.default_rng(42)
tf.random.set_seed(42)
sequences = pad_tail(rng.random((100, timesteps, num_feats), dtype=np.float32), PAD, rng)
classes = rng.integers(num_classes, size=100)
one_hot = to_categorical(classes, num_classes)

net = models.Sequential(name="masked")
net.add(Masking(mask_value=PAD, input_shape=(timesteps, num_feats)))
net.add(LSTM(1, return_sequences=False))
net.add(Dense(num_classes, activation="relu"))
net.compile(optimizer="adam", loss=losses.categorical_crossentropy, metrics=["accuracy"])
net.fit(sequences, one_hot, batch_size=1, epochs=5)
