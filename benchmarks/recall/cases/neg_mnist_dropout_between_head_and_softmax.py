# source: https://stackoverflow.com/questions/44755431
# mistake: none in the loss or output; the MNIST CNN's head is Dense(num_classes), a Dropout, then Activation('softmax'), trained with categorical_crossentropy on to_categorical(y, num_classes) (the question is about the dropout placed after the last Dense)
# shape: separate Activation layer; Activation after a Dropout that follows the head, num_classes = 10 for the head and to_categorical, mnist load_data imported bare (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/44755431)
# expect: none
from keras.datasets.mnist import load_data
from keras.layers import Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.optimizers import Adam
from keras.utils import to_categorical

num_classes = 10
(X_train, y_train), (X_val, y_val) = load_data()
X_train = X_train.reshape(-1, 28, 28, 1) / 255.0
X_val = X_val.reshape(-1, 28, 28, 1) / 255.0
y_train, y_val = to_categorical(y_train, num_classes), to_categorical(y_val, num_classes)

model = Sequential()
model.add(Conv2D(16, kernel_size=(3, 3), padding="same", input_shape=(28, 28, 1)))
model.add(Activation("relu"))
model.add(Conv2D(32, (3, 3), activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(50, activation="relu"))
model.add(Dropout(0.5))
model.add(Dense(num_classes))
model.add(Dropout(0.5))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer=Adam(), metrics=["accuracy"])
model.fit(X_train, y_train, shuffle=True, epochs=5, batch_size=20, validation_data=(X_val, y_val))
