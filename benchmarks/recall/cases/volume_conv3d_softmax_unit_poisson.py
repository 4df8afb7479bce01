# source: https://stackoverflow.com/questions/63212385
# mistake: a Conv3D classifier on 4-d volumes ends in Dense(1, activation='softmax', ...) and is trained with loss='poisson': the softmax over one unit is 1.0 for every input, so precision, recall and accuracy never change
# shape: literal; regularised Dense layers with several keyword arguments, channels_first Conv3D blocks, input_shape and BATCH_SIZE constants (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/63212385; its make_classification stand-in replaced by saved arrays)
# expect: KL101 line 30
import numpy as np
from keras.layers import BatchNormalization, Conv3D, Dense, Dropout, Flatten, MaxPooling3D
from keras.metrics import Precision, Recall
from keras.models import Sequential
from keras.optimizers import SGD
from keras.regularizers import l2

BATCH_SIZE = 64
input_shape = (64, 64, 40, 20)
X_train = np.load("volumes.npy")
y_train = np.load("volume_labels.npy")

model = Sequential()
model.add(Conv3D(64, kernel_size=(3, 3, 3), activation="relu", input_shape=input_shape,
                 kernel_regularizer=l2(0.005), bias_regularizer=l2(0.005),
                 data_format="channels_first", padding="same"))
model.add(MaxPooling3D(pool_size=(2, 2, 2)))
model.add(BatchNormalization(center=True, scale=True))
model.add(Conv3D(64, kernel_size=(3, 3, 3), activation="relu", kernel_regularizer=l2(0.005),
                 bias_regularizer=l2(0.005), data_format="channels_first", padding="same"))
model.add(MaxPooling3D(pool_size=(2, 2, 2)))
model.add(Flatten())
model.add(Dense(128, activation="relu", kernel_regularizer=l2(0.01), bias_regularizer=l2(0.01)))
model.add(Dropout(0.5))
model.add(Dense(128, activation="sigmoid", kernel_regularizer=l2(0.01), bias_regularizer=l2(0.01)))
model.add(Dense(1, activation="softmax", kernel_regularizer=l2(0.01), bias_regularizer=l2(0.01)))
model.compile(optimizer=SGD(learning_rate=0.000001),
              loss="poisson",
              metrics=["accuracy", Precision(), Recall()])
history = model.fit(X_train, y_train, batch_size=BATCH_SIZE, epochs=50, shuffle=True)
