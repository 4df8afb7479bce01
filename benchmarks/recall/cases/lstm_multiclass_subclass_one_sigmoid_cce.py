# source: https://github.com/kasptom/ed/blob/5ad4e8b803db5a3ab2cecc896e6f38a9326c426e/src/lstm_network_multiclass.py
# mistake: the "multi-class" variant of a document classifier keeps the binary variant's single sigmoid unit and only swaps the loss to categorical_crossentropy: over one unit the loss is constant and nothing is learned
# shape: class with constructor defaults; a base class whose __init__ calls self.build_model(), overridden by a subclass that builds and compiles, training in a base-class method with fit on generators; sizes from a configuration module (inlined here)
# expect: KL103 line 49
import numpy as np
from keras import Sequential, callbacks
from keras.layers import LSTM, Dense

TIME_STEPS = 40
WORD_NUMERIC_VECTOR_SIZE = 100
DROPOUT = 0.2
RECURRENT_DROPOUT = 0.2
EPOCHS_NUMBER = 30
BATCH_SIZE = 64


def document_batches(count, n_classes):
    while True:
        docs = np.random.rand(BATCH_SIZE, TIME_STEPS, WORD_NUMERIC_VECTOR_SIZE)
        topics = np.eye(n_classes)[np.random.randint(0, n_classes, BATCH_SIZE)]
        yield docs, topics


class LstmNet:
    def __init__(self):
        self.callbacks = [callbacks.EarlyStopping(monitor="val_loss", patience=3)]
        self.model = self.build_model()

    def build_model(self):
        raise NotImplementedError()

    def train_network(self, n_classes, train_count, test_count):
        self.model.fit(document_batches(train_count, n_classes),
                       epochs=EPOCHS_NUMBER,
                       steps_per_epoch=train_count // BATCH_SIZE,
                       validation_data=document_batches(test_count, n_classes),
                       validation_steps=test_count // BATCH_SIZE,
                       callbacks=self.callbacks)
        return self.model.evaluate(document_batches(test_count, n_classes),
                                   steps=test_count // BATCH_SIZE)


class LstmMultiClass(LstmNet):
    def build_model(self):
        model = Sequential()
        model.add(LSTM(200, input_shape=(TIME_STEPS, WORD_NUMERIC_VECTOR_SIZE), dropout=DROPOUT,
                       recurrent_dropout=RECURRENT_DROPOUT))
        model.add(Dense(1, activation="sigmoid"))
        model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
        return model


if __name__ == "__main__":
    net = LstmMultiClass()
    print(net.train_network(n_classes=6, train_count=5000, test_count=500))
