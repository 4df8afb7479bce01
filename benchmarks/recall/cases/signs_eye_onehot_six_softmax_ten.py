# source: https://github.com/keras-team/keras/issues/12910
# mistake: the SIGNS hand-gesture labels are one-hot over 6 classes (targets of shape (1080, 6)) but the output layer has 10 softmax units copied from the MNIST example (the report shows the (1080, 6) targets; their encoding is filled in with the course's convert_to_one_hot, np.eye(C)[Y])
# shape: helper one-hot via np.eye; convert_to_one_hot(train_y, 6) defined in the script, Dense(10, activation=tf.nn.softmax)
# expect: KL204 line 33
import h5py
import numpy as np
import tensorflow as tf


def load_dataset():
    train = h5py.File("datasets/train_signs.h5", "r")
    test = h5py.File("datasets/test_signs.h5", "r")
    train_x = np.array(train["train_set_x"][:])
    train_y = np.array(train["train_set_y"][:])
    test_x = np.array(test["test_set_x"][:])
    test_y = np.array(test["test_set_y"][:])
    return train_x, train_y, test_x, test_y


def convert_to_one_hot(Y, C):
    return np.eye(C)[Y.reshape(-1)]


train_x, train_y, test_x, test_y = load_dataset()
train_x = train_x / 255.0
test_x = test_x / 255.0
train_y_2 = convert_to_one_hot(train_y, 6)
test_y_2 = convert_to_one_hot(test_y, 6)

model = tf.keras.models.Sequential([
    tf.keras.layers.Flatten(input_shape=(64, 64, 3)),
    tf.keras.layers.Dense(512, activation=tf.nn.relu),
    tf.keras.layers.Dense(10, activation=tf.nn.softmax),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_x, train_y_2, epochs=10)
model.evaluate(test_x, test_y_2)
