# source: https://stackoverflow.com/questions/41823068
# mistake: a small classifier on saved bottleneck features for five classes ends in Dense(5, activation='sigmoid') with categorical_crossentropy on one-hot labels: the five independent sigmoids are renormalised by the loss, which cannot tell a confident model from an unsure one
# shape: literal; input shape from train_data.shape[1:], labels one-hot encoded with to_categorical(..., 5) after compile (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/41823068; its make_classification stand-in replaced by saved feature arrays and label files)
# expect: KL107 line 19
import numpy as np
from keras.layers import Dense, Dropout, Flatten
from keras.models import Sequential
from keras.utils import to_categorical

train_data = np.load("bottleneck_features_train.npy")
validation_data = np.load("bottleneck_features_validation.npy")
train_labels = np.load("train_labels.npy")
validation_labels = np.load("validation_labels.npy")

model = Sequential()
model.add(Flatten(input_shape=train_data.shape[1:]))
model.add(Dense(256, activation="relu"))
model.add(Dropout(0.5))
model.add(Dense(5, activation="sigmoid"))
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])

train_labels = to_categorical(train_labels, 5)
validation_labels = to_categorical(validation_labels, 5)
model.fit(train_data, train_labels, epochs=50, batch_size=16, validation_data=(validation_data, validation_labels))
model.save_weights("bottleneck_fc_model.h5")
