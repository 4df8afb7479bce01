# source: https://stackoverflow.com/questions/56218256
# mistake: a binary classifier over 19900 pairwise features ends in Dense(1, activation=tf.nn.softmax) and is compiled with categorical_crossentropy: the one softmax unit is always 1.0 and the categorical loss on one unit is constant, so test accuracy stays at the class share
# shape: activation object; activation passed as the function object tf.nn.softmax (hidden layers tf.nn.relu), Sequential from a list under `import keras` (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/56218256; its make_classification stand-in replaced by saved arrays)
# expect: KL101 line 19
# expect: KL103 line 21
import keras
import numpy as np
import tensorflow as tf
from sklearn.model_selection import train_test_split

features = np.load("pair_features.npy")
outcome = np.load("pair_outcome.npy")
X_train, X_test, y_train, y_test = train_test_split(features, outcome, test_size=0.33, random_state=42)

myModel = keras.Sequential([
    keras.layers.Dense(1000, activation=tf.nn.relu, input_shape=(19900,)),
    keras.layers.Dense(64, activation=tf.nn.relu),
    keras.layers.Dense(32, activation=tf.nn.relu),
    keras.layers.Dense(1, activation=tf.nn.softmax),
])
myModel.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
myModel.fit(X_train, y_train, epochs=100, batch_size=1000)
test_loss, test_acc = myModel.evaluate(X_test, y_test)
