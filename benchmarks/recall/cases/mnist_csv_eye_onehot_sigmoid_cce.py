# source: https://stackoverflow.com/questions/55328966
# mistake: MNIST read from CSV with pandas, labels one-hot encoded with np.eye(nb_classes)[targets], and a Dense(10, activation='sigmoid') output compiled with categorical_crossentropy (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/55328966)
# shape: helper one-hot via np.eye; np.eye(nb_classes)[y.reshape(-1)] on pandas columns, l2-regularised Dense(10, 'sigmoid')
# expect: KL107 line 37
import numpy as np
import pandas as pd
import tensorflow as tf
from keras import Sequential
from keras.layers import Dense
from keras.regularizers import l2

batch_size = 32
epochs = 10
alpha = 0.0001
lambda_ = 0
h1 = 50

train = pd.read_csv("mnist_train.csv")
test = pd.read_csv("mnist_test.csv")
train = train.loc["1":"5000", :].sample(frac=1).reset_index(drop=True)
test = test.loc["1":"2000", :].sample(frac=1).reset_index(drop=True)

x_train = train.loc[:, "1x1":"28x28"].values
y_train = train.loc[:, "label"].values
x_test = test.loc[:, "1x1":"28x28"].values
y_test = test.loc[:, "label"].values

nb_classes = 10
targets = y_train.reshape(-1)
y_train_onehot = np.eye(nb_classes)[targets]
targets = y_test.reshape(-1)
y_test_onehot = np.eye(nb_classes)[targets]

model = Sequential()
model.add(Dense(784, input_shape=(784,)))
model.add(Dense(h1, activation="relu", kernel_regularizer=l2(lambda_)))
model.add(Dense(10, activation="sigmoid", kernel_regularizer=l2(lambda_)))
model.compile(
    optimizer=tf.keras.optimizers.SGD(learning_rate=alpha),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
model.fit(x_train, y_train_onehot, epochs=epochs, batch_size=batch_size)
print(model.evaluate(x_test, y_test_onehot))
