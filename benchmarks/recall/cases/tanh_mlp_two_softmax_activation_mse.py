# source: https://stackoverflow.com/questions/34673164
# mistake: a two-class MLP (tanh hidden layers, separate Activation('softmax') after Dense(2)) is trained with mean_squared_error on one-hot targets: squared error on saturating softmax probabilities gives vanishing gradients and the loss plateaus
# shape: separate Activation layer; Dense(2, kernel_initializer='uniform') then Activation('softmax'), one-hot targets from to_categorical, SGD in a variable (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/34673164; its make_classification stand-in replaced by saved arrays)
# expect: KL108 line 25
import numpy as np
from keras.layers import Activation, Dense, Dropout
from keras.models import Sequential
from keras.optimizers import SGD
from keras.utils import to_categorical

X_train = np.load("measures.npy")
y_train = to_categorical(np.load("measure_classes.npy"))

model = Sequential()
model.add(Dense(64, input_dim=14, kernel_initializer="uniform"))
model.add(Activation("tanh"))
model.add(Dropout(0.5))
model.add(Dense(64, kernel_initializer="uniform"))
model.add(Activation("tanh"))
model.add(Dropout(0.5))
model.add(Dense(2, kernel_initializer="uniform"))
model.add(Activation("softmax"))

sgd = SGD(learning_rate=0.1, momentum=0.9, nesterov=True)
model.compile(loss="mean_squared_error", optimizer=sgd)
model.fit(X_train, y_train, epochs=20, batch_size=16)
