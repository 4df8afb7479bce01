# source: https://stackoverflow.com/questions/57397440
# mistake: a breast-cancer classifier ends in Dense(1, activation=tfnn.softmax) with binary_crossentropy: the single softmax output is always 1.0, so accuracy is the share of the positive class from the first epoch
# shape: activation object; activations taken from a module alias (import tensorflow.keras.activations as tfnn), BatchNormalization between layers, load_breast_cancer(return_X_y=True) (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/57397440)
# expect: KL101 line 17
import tensorflow.keras.activations as tfnn
from sklearn.datasets import load_breast_cancer
from tensorflow.keras.layers import BatchNormalization, Dense
from tensorflow.keras.models import Sequential

measurements, diagnosis = load_breast_cancer(return_X_y=True)

clf = Sequential()
clf.add(Dense(30, activation=tfnn.relu, input_dim=30))
clf.add(BatchNormalization(axis=1))
clf.add(Dense(60, activation=tfnn.relu))
clf.add(BatchNormalization(axis=1))
clf.add(Dense(1, activation=tfnn.softmax))
clf.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
clf.fit(measurements, diagnosis, epochs=6)
