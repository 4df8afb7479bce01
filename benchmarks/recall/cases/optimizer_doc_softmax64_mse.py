# source: https://github.com/YHCodes/CS-Box/blob/master/deep-learning/basic-neural-networks/keras_optimizers.py
# mistake: study notes copy the old Keras "usage of optimizers" snippet verbatim as a model: a Dense(64) followed by Activation('softmax') and compiled with loss='mean_squared_error', a 64-way softmax trained as a regression
# shape: separate Activation layer; Dense without activation then Activation('softmax'), SGD object; compile only, as in the notes
# expect: KL108 line 14
from keras import optimizers
from keras.layers.core import Activation, Dense
from keras.models import Sequential

model = Sequential()
model.add(Dense(64, kernel_initializer="uniform", input_shape=(10,)))
model.add(Activation("softmax"))

sgd = optimizers.SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)
model.compile(loss="mean_squared_error", optimizer=sgd)
