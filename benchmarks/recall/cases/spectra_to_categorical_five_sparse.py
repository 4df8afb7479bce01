# source: https://stackoverflow.com/questions/61116088
# mistake: 1-D signals in 5 classes: the reporter one-hot encodes the labels with to_categorical(train_labels, 5) and trains a Dense(5, softmax) with sparse_categorical_crossentropy, which wants the integer labels (fit A in the question); the data loading, left out of the question, is filled in with np.load (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s61116088_original.py)
# shape: literal; to_categorical(labels, 5) with a literal class count, data from np.load
# expect: KL201 line 23
import numpy as np
from tensorflow import keras
from tensorflow.keras.utils import to_categorical

train_data = np.load("signals.npy")        # (439, 3277)
train_labels = np.load("signal_labels.npy")  # (439,), classes 0..4
print("train_data:", train_data.shape, "train_labels:", train_labels.shape)

categorical_labels = to_categorical(train_labels, 5)
print("categorical_labels:", categorical_labels.shape)

model = keras.Sequential([
    keras.layers.Dense(30, activation="relu", input_shape=(3277,)),
    keras.layers.Dense(30, activation="relu"),
    keras.layers.Dense(5, activation="softmax"),
])
model.summary()
model.compile(optimizer="adam",
              loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
model.fit(train_data, categorical_labels, epochs=5, verbose=1)
