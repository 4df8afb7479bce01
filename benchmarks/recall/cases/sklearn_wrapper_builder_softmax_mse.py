# source: https://github.com/keras-team/keras/issues/10752
# mistake: a builder takes the hidden layers as (units, activation) pairs, ends in Dense(classes, activation='softmax') and compiles whatever loss it is given; through KerasClassifier it is called with loss='mean_squared_error' and classes = len(np.unique(train_y)), a squared error on a softmax classifier (with one class the softmax unit would be constant instead: wrong either way); the data, not shown, is filled in with np.load
# shape: scikit-learn wrapper; builder called from a lambda passed to KerasClassifier, units from len(np.unique(train_y)), hidden layers from a tuple of pairs in a loop
# expect: KL108 line 22/28
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
from keras.wrappers.scikit_learn import KerasClassifier
from keras.optimizers import Adam

train_x = np.load("train_x.npy")
train_y = np.load("train_y.npy")


def build_neural_model(layers, classes, features, loss):
    model = Sequential()
    model.add(Dense(layers[0][0], activation=layers[0][1], input_shape=(features,)))
    for units, activation in layers[1:]:
        model.add(Dense(units, activation=activation))
    model.add(Dense(classes, activation="softmax"))
    optimizer = Adam()
    model.compile(optimizer, loss)
    return model


hidden = ((64, "tanh"), (64, "tanh"))
model = KerasClassifier((lambda: build_neural_model(hidden, len(np.unique(train_y)),
                                                    train_x.shape[1], loss="mean_squared_error")),
                        epochs=600, verbose=2)
model.fit(train_x, train_y)
