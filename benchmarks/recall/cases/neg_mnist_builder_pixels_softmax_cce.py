# source: https://github.com/crcz25/textRecognition/blob/f1adb332cbc4533ead32097708ee342dd8f908ee/network.py
# mistake: none - the MNIST baseline MLP written as a builder model(num_pixels, num_classes): softmax over num_classes = y_test.shape[1] after np_utils.to_categorical, trained with categorical_crossentropy; argparse picks the epochs
# shape: units from y.shape[1]; builder parameters computed from the data (num_pixels from the image shape, num_classes from the one-hot targets), argparse defaults
# expect: none
import argparse

from keras.datasets import mnist
from keras.layers import Dense
from keras.models import Sequential
from keras.utils import np_utils


def model(num_pixels, num_classes):
    net = Sequential()
    net.add(Dense(num_pixels, input_dim=num_pixels, kernel_initializer="normal", activation="relu"))
    net.add(Dense(num_classes, kernel_initializer="normal", activation="softmax"))
    net.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return net


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=200)
    args = parser.parse_args()

    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    num_pixels = x_train.shape[1] * x_train.shape[2]
    x_train = x_train.reshape(x_train.shape[0], num_pixels).astype("float32") / 255
    x_test = x_test.reshape(x_test.shape[0], num_pixels).astype("float32") / 255

    y_train = np_utils.to_categorical(y_train)
    y_test = np_utils.to_categorical(y_test)
    num_classes = y_test.shape[1]

    net = model(num_pixels, num_classes)
    net.fit(x_train, y_train, validation_data=(x_test, y_test),
            epochs=args.epochs, batch_size=args.batch_size, verbose=2)
    print(net.evaluate(x_test, y_test, verbose=0))
