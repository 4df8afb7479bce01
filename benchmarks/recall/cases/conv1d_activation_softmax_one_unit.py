# source: https://techfeed.net/es/456718/
# mistake: a binary CNN ends in Dense(1) followed by a separate Activation('softmax'), so every prediction is 1.0
# shape: separate Activation layer; separate Activation layer after Dense(1)
# expect: KL101 line 27
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, BatchNormalization, LeakyReLU, Dropout, Flatten, Dense, Activation
from keras.callbacks import ReduceLROnPlateau

X_train = np.load("windows_train.npy")   # (n, 10, 4)
y_train = np.load("labels_train.npy")    # 0 / 1
X_test = np.load("windows_test.npy")
y_test = np.load("labels_test.npy")

model = Sequential()
model.add(Conv1D(16, 4, padding="same", input_shape=(10, 4)))
model.add(BatchNormalization())
model.add(LeakyReLU())
model.add(Dropout(0.2))
model.add(Conv1D(8, 4, padding="same"))
model.add(BatchNormalization())
model.add(LeakyReLU())
model.add(Flatten())
model.add(Dense(64))
model.add(LeakyReLU())
model.add(Dense(1))
model.add(Activation("softmax"))

lr_cb = ReduceLROnPlateau(monitor="val_loss", factor=0.9, patience=30)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=100, batch_size=128,
          validation_data=(X_test, y_test), callbacks=[lr_cb])
