# source: https://github.com/keras-team/keras/issues/2711
# mistake: a skip-gram model over a 256-symbol vocabulary predicts the one-hot context symbol with Dense(vocab_size, activation="sigmoid") and categorical_crossentropy; the categorical loss needs the units to form one distribution (softmax), independent sigmoids do not; the corpus reading around the reporter's make_model/train methods is filled in
# shape: class with constructor defaults; make_model(self, vocab_size=256, vec_dim=100) builds and compiles inside a plain class, train() calls it with the defaults and fits
# expect: KL107 line 32
import numpy as np
from keras.callbacks import EarlyStopping, ModelCheckpoint, ReduceLROnPlateau
from keras.layers import Dense
from keras.models import Sequential
from keras.optimizers import SGD


class SkipGram:
    def __init__(self, corpus_path, window=2):
        self.corpus_path = corpus_path
        self.window = window

    def load_pairs(self):
        with open(self.corpus_path, "rb") as fh:
            symbols = np.frombuffer(fh.read(), dtype=np.uint8)
        centers, contexts = [], []
        for i in range(self.window, len(symbols) - self.window):
            for offset in range(-self.window, self.window + 1):
                if offset:
                    centers.append(symbols[i])
                    contexts.append(symbols[i + offset])
        eye = np.eye(256, dtype="float32")
        return eye[centers], eye[contexts]

    def make_model(self, vocab_size=256, vec_dim=100):
        model = Sequential()
        model.add(Dense(vec_dim, activation="sigmoid", input_dim=vocab_size))
        model.add(Dense(vocab_size, activation="sigmoid"))
        sgd = SGD(learning_rate=1.0)
        model.compile(loss="categorical_crossentropy", optimizer=sgd, metrics=["accuracy"])
        return model

    def _get_callbacks(self):
        early = EarlyStopping(monitor="val_loss", min_delta=0.0001, patience=10, verbose=2)
        checkpoint = ModelCheckpoint("checkpt.keras", verbose=2)
        reduce_lr = ReduceLROnPlateau(monitor="val_loss", factor=0.1, patience=5, verbose=2)
        return [early, checkpoint, reduce_lr]

    def train(self):
        x, y = self.load_pairs()
        model = self.make_model()
        model.fit(x, y, epochs=1000, callbacks=self._get_callbacks(),
                  validation_split=0.1, verbose=2, batch_size=300)
        model.save("skipgram.keras")
        return model


if __name__ == "__main__":
    SkipGram("corpus.bin").train()
