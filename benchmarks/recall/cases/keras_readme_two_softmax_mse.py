# source: https://github.com/LouisDelbosc/MLTest/blob/f137277856c37ec28c272e6069d59dee2d3a5966/keras/keras_example.py
# mistake: a first Keras experiment copies the old README's MLP, a softmax over two classes compiled with loss='mean_squared_error': a classifier trained with a regression loss (tiny gradients when confidently wrong)
# shape: literal; tanh hidden layers with Dropout, SGD object, two-way softmax; the file stops at compile, so a fit on one-hot labels of random data is filled in
# expect: KL108 line 22
import numpy as np
from keras.layers.core import Dense, Dropout
from keras.models import Sequential
from keras.optimizers import SGD
from keras.utils import to_categorical

x_train = np.random.random((1000, 20))
y_train = to_categorical(np.random.randint(2, size=(1000, 1)), num_classes=2)

model = Sequential()
model.add(Dense(64, input_dim=20, init="uniform", activation="tanh"))
model.add(Dropout(0.5))
model.add(Dense(64, init="uniform", activation="tanh"))
model.add(Dropout(0.5))
model.add(Dense(2, init="uniform", activation="softmax"))

sgd = SGD(lr=0.1, decay=1e-6, momentum=0.9, nesterov=True)
model.compile(loss="mean_squared_error", optimizer=sgd)

model.fit(x_train, y_train, nb_epoch=20, batch_size=16)
