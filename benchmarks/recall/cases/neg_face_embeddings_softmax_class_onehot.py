# source: https://github.com/Sumegh20/Vision-Based-Attendance-System/blob/a3f0cfc621c247ad89718f37072e681d3ac30d35/src/training/softmax.py
# mistake: none - a face-recognition attendance system trains a softmax head over class_number = len(np.unique(labels)) people with categorical_crossentropy on OneHotEncoder rows (src/training/train_model.py at the same commit), inside a KFold loop
# shape: class with constructor defaults; a SoftMax class taking input_shape and class_number in its constructor, modelBuild() building and compiling, a trainer class fitting the returned model on one-hot rows
# expect: none
import pickle

import keras
import numpy as np
from keras.layers import Dense, Dropout
from keras.models import Sequential
from keras.optimizers import Adam
from sklearn.model_selection import KFold
from sklearn.preprocessing import LabelEncoder, OneHotEncoder


class SoftMax:
    def __init__(self, input_shape, class_number):
        self.input_shape = input_shape
        self.class_number = class_number

    def modelBuild(self):
        model = Sequential()
        model.add(Dense(1024, activation="relu", input_shape=self.input_shape))
        model.add(Dropout(0.5))
        model.add(Dense(1024, activation="relu"))
        model.add(Dropout(0.5))
        model.add(Dense(self.class_number, activation="softmax"))
        model.compile(loss=keras.losses.categorical_crossentropy,
                      optimizer=Adam(learning_rate=0.001),
                      metrics=["accuracy"])
        return model


class TrainFaceRecognitionModel:
    def __init__(self, embeddings_path):
        with open(embeddings_path, "rb") as handle:
            self.data = pickle.load(handle)

    def train(self, batch_size=8, epochs=5):
        encoder = LabelEncoder()
        labels = encoder.fit_transform(self.data["names"])
        class_number = len(np.unique(labels))
        labels = OneHotEncoder().fit_transform(labels.reshape(-1, 1)).toarray()
        embeddings = np.array(self.data["embeddings"])

        model = SoftMax(input_shape=(embeddings.shape[1],), class_number=class_number).modelBuild()
        folds = KFold(n_splits=5, random_state=42, shuffle=True)
        for train_idx, valid_idx in folds.split(embeddings):
            model.fit(embeddings[train_idx], labels[train_idx], batch_size=batch_size, epochs=epochs,
                      validation_data=(embeddings[valid_idx], labels[valid_idx]))
        return model, encoder


if __name__ == "__main__":
    TrainFaceRecognitionModel("outputs/embeddings.pickle").train()
