# source: https://stackoverflow.com/questions/61886777
# mistake: a three-class CNN on 28x28 images ends in Dense(3, activation='sigmoid') with categorical_crossentropy on one-hot labels: the sigmoid scores are renormalised by the loss, so its probabilities do not sum to 1 and training is badly scaled
# shape: literal; labels one-hot encoded with to_categorical(y) without a class count, input_shape held in a variable (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/61886777; its make_classification stand-in replaced by saved arrays)
# expect: KL107 line 22
import numpy as np
from keras.layers import BatchNormalization, Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.optimizers import Adam
from keras.utils import to_categorical

X_train = np.load("symbols.npy").reshape(-1, 28, 28, 1) / 255.0
y_train = to_categorical(np.load("symbol_ids.npy"))
input_shape = (28, 28, 1)

model = Sequential()
model.add(Conv2D(16, kernel_size=(3, 3), activation="relu", input_shape=input_shape))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(BatchNormalization())
model.add(Dropout(0.2))
model.add(Flatten())
model.add(Dense(512, activation="relu"))
model.add(Dense(3, activation="sigmoid"))
model.compile(loss="categorical_crossentropy", optimizer=Adam(), metrics=["accuracy"])
model.fit(X_train, y_train, epochs=5)
