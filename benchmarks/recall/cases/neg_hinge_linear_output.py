# source: https://github.com/keras-team/keras/issues/2588
# mistake: none - hinge loss on a linear output (an "SVM" last layer) can go negative, as hinge needs
# shape: separate Activation layer; separate Activation('linear') layer, nb_classes variable, one-hot targets
# expect: none
import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, Flatten, Dense, Activation, Dropout
from keras.utils import to_categorical
from keras.datasets import mnist

nb_classes = 10
(x_train, y_train), _ = mnist.load_data()
x_train = x_train.reshape(-1, 28, 28, 1).astype("float32") / 255
Y_train = to_categorical(y_train, nb_classes)

model = Sequential()
model.add(Conv2D(32, (3, 3), input_shape=(28, 28, 1)))
model.add(Flatten())
model.add(Dense(1024))
model.add(Activation("relu"))
model.add(Dropout(0.5))
model.add(Dense(nb_classes))
model.add(Activation("linear"))
model.compile(loss="hinge", optimizer="adadelta", metrics=["accuracy"])
model.fit(x_train, Y_train, batch_size=128, epochs=12)
