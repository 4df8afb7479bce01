# source: https://github.com/lampts/my_dl_solutions/blob/763acd3b9f18b57a5f3299720a66d88c1a2a1e69/keras_svm.py
# mistake: none - an "SVM using hinge loss + l2 regularizer" MNIST net ends in a linear Dense(nb_classes) (a separate Activation('linear')) trained with hinge on one-hot 0/1 targets; Keras maps 0/1 targets to -1/1 for hinge and the linear output can go negative
# shape: separate Activation layer; nb_classes module variable, to_categorical(y, nb_classes) targets; the snippet's undefined MNIST loading and fit are filled in as in the Keras mnist_cnn example it extends (the repository's misplaced W_regularizer argument is moved into the layer)
# expect: none
from keras.datasets import mnist
from keras.layers import Activation, Conv2D, Dense, Dropout, Flatten
from keras.models import Sequential
from keras.regularizers import l2
from keras.utils import to_categorical

nb_classes = 10
nb_filters = 32
nb_conv = 3
img_rows, img_cols = 28, 28

(X_train, y_train), (X_test, y_test) = mnist.load_data()
X_train = X_train.reshape(-1, img_rows, img_cols, 1).astype("float32") / 255
X_test = X_test.reshape(-1, img_rows, img_cols, 1).astype("float32") / 255
Y_train = to_categorical(y_train, nb_classes)
Y_test = to_categorical(y_test, nb_classes)

# SVM using hinge loss + l2 regularizer on the weights
model = Sequential()
model.add(Conv2D(nb_filters, (nb_conv, nb_conv), padding="valid", input_shape=(img_rows, img_cols, 1)))
model.add(Flatten())
model.add(Dense(1024))
model.add(Activation("relu"))
model.add(Dropout(0.5))
model.add(Dense(nb_classes, kernel_regularizer=l2(0.01)))
model.add(Activation("linear"))

model.compile(loss="hinge", optimizer="adadelta", metrics=["accuracy"])
model.fit(X_train, Y_train, batch_size=128, epochs=12, validation_data=(X_test, Y_test))
