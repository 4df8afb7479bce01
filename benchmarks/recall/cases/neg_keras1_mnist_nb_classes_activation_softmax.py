# source: https://stackoverflow.com/questions/41651628
# mistake: none in the loss or output; the Keras 1 MNIST CNN with nb_classes = 10 for both np_utils.to_categorical and Dense(nb_classes) followed by Activation('softmax'), categorical_crossentropy (the question is about the channels-first reshape)
# shape: separate Activation layer; Keras 1 API (Convolution2D(nb_filters, nb_conv, nb_conv, border_mode=...), nb_epoch), module-level hyperparameters, np_utils.to_categorical(y_train, nb_classes) (read through the original snippet in mehilshah/Bug_Reproducibility_DL_Bugs, Bugs/020)
# expect: none
from keras.datasets import mnist
from keras.layers.convolutional import Convolution2D, MaxPooling2D
from keras.layers.core import Activation, Dense, Dropout, Flatten
from keras.models import Sequential
from keras.utils import np_utils

batch_size = 128
nb_classes = 10
nb_epoch = 12
img_rows, img_cols = 28, 28
nb_filters = 32
nb_pool = 2
nb_conv = 3

(X_train, y_train), (X_test, y_test) = mnist.load_data()
X_train = X_train.reshape(X_train.shape[0], 1, img_rows, img_cols).astype("float32") / 255
X_test = X_test.reshape(X_test.shape[0], 1, img_rows, img_cols).astype("float32") / 255
Y_train = np_utils.to_categorical(y_train, nb_classes)
Y_test = np_utils.to_categorical(y_test, nb_classes)

model = Sequential()
model.add(Convolution2D(nb_filters, nb_conv, nb_conv, border_mode="valid", input_shape=(1, img_rows, img_cols)))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(nb_pool, nb_pool)))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(128))
model.add(Activation("relu"))
model.add(Dropout(0.5))
model.add(Dense(nb_classes))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adadelta", metrics=["accuracy"])
model.fit(X_train, Y_train, batch_size=batch_size, nb_epoch=nb_epoch, validation_data=(X_test, Y_test))
