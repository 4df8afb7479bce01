# source: https://stackoverflow.com/questions/68321264
# mistake: Fashion-MNIST reduced to its first three classes (filtered in a loop, then to_categorical) is fitted by a CNN ending in Dense(1) + Activation('softmax') with binary_crossentropy: the single softmax unit always outputs 1.0 (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/68321264)
# shape: separate Activation layer; labels filtered with a for loop and appended, to_categorical, Dense(1) then Activation('softmax')
# expect: KL101 line 41/42
import numpy as np
from keras import Sequential
from keras.datasets import fashion_mnist
from keras.layers import Activation, Conv2D, Dense, Flatten, MaxPooling2D
from keras.utils import to_categorical
from sklearn.model_selection import train_test_split

(X_train, y_train), (X_test, y_test) = fashion_mnist.load_data()
X = []
y = []
for i in range(len(y_train)):
    if y_train[i] < 3:
        X.append(X_train[i])
        y.append(y_train[i])
for i in range(len(y_test)):
    if y_test[i] < 3:
        X.append(X_test[i])
        y.append(y_test[i])
X = np.array(X)
y = np.array(y)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=42, stratify=y)
X_train = np.expand_dims(X_train, axis=3)
X_test = np.expand_dims(X_test, axis=3)
y_train = to_categorical(y_train)
y_test = to_categorical(y_test)

model = Sequential()
model.add(Conv2D(64, (3, 3), input_shape=X_train.shape[1:]))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(64, (3, 3)))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(64))
model.add(Dense(1))
model.add(Activation("softmax"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=24, epochs=3, validation_split=0.1)
predictions = model.predict(X_test)
