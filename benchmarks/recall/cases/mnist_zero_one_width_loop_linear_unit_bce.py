# source: https://stackoverflow.com/questions/64387251
# mistake: a double-descent experiment on MNIST digits 0 and 1 (a frozen random relu layer of `width` units) ends in Dense(1, activation='linear') trained with binary_crossentropy, which reads the unbounded output as a probability; the loss stalls instead of reaching the early-stopping threshold
# shape: user function returning (x, y); load_mnist() filters the 0/1 digits with boolean masks and returns four arrays, the model is built inside a for loop over width_list with input_dim=X_train.shape[1], a custom early-stopping Callback (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/64387251)
# expect: KL106 line 41
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


class StopAtLoss(keras.callbacks.Callback):
    def __init__(self, monitor="loss", value=1e-5):
        super().__init__()
        self.monitor = monitor
        self.value = value

    def on_epoch_end(self, epoch, logs=None):
        current = (logs or {}).get(self.monitor)
        if current is not None and current < self.value:
            self.model.stop_training = True


def load_mnist():
    (train_images, train_labels), (test_images, test_labels) = keras.datasets.mnist.load_data()
    train_images = train_images.reshape(train_images.shape[0], -1)
    test_images = test_images.reshape(test_images.shape[0], -1)
    keep_train = (train_labels == 0) | (train_labels == 1)
    keep_test = (test_labels == 0) | (test_labels == 1)
    return (train_images[keep_train] / 255, train_labels[keep_train],
            test_images[keep_test] / 255, test_labels[keep_test])


X_train, y_train, X_test, y_test = load_mnist()
train_errors, test_errors = [], []

width_list = [13000]
for width in width_list:
    print(width)
    model = keras.models.Sequential()
    model.add(layers.Dense(width, input_dim=X_train.shape[1], activation="relu", trainable=False))
    model.add(layers.Dense(1, activation="linear"))
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

    model.fit(X_train, y_train, batch_size=X_train.shape[0], epochs=1000000, callbacks=[StopAtLoss()])
    train_errors.append(model.evaluate(X_train, y_train)[0])
    test_errors.append(model.evaluate(X_test, y_test)[0])
print(np.array(train_errors), np.array(test_errors))
