# source: https://github.com/keras-team/keras/issues/12910
# mistake: none - the fix: six softmax units for the six one-hot SIGNS classes (targets of shape (1080, 6))
# shape: helper one-hot via np.eye; convert_to_one_hot(train_y, 6) defined in the script, Dense(6, activation=tf.nn.softmax)
# expect: none
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
    tf.keras.layers.Dense(6, activation=tf.nn.softmax),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_x, train_y_2, epochs=10)
model.evaluate(test_x, test_y_2)
