# source: https://github.com/keras-team/keras/issues/1478
# mistake: none - a CIFAR CNN with Dense(nb_classes) followed by Activation("softmax") and categorical_crossentropy on labels binarized with to_categorical(y, nb_classes); the reporter's model predicts one class for everything, but the loss/output/target pairing is right (the 40000/10000 split of the training set is kept)
# shape: separate Activation layer; nb_classes module constant, to_categorical on load_data labels, validation split carved out by slicing
# expect: none
from keras.datasets import cifar10
from keras.layers import Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.optimizers import SGD
from keras.utils import to_categorical

nb_classes = 10

(x_all, y_all), _ = cifar10.load_data()
x_all = x_all.astype("float32") / 255.0
X_train, X_test = x_all[:40000], x_all[40000:]
Y_train = to_categorical(y_all[:40000], nb_classes)
Y_test = to_categorical(y_all[40000:], nb_classes)

model = Sequential()
model.add(Conv2D(32, (3, 3), padding="same", input_shape=X_train.shape[1:]))
model.add(Activation("relu"))
model.add(Conv2D(32, (3, 3)))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
model.add(Conv2D(64, (3, 3), padding="same"))
model.add(Activation("relu"))
model.add(Conv2D(64, (3, 3)))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(512))
model.add(Activation("relu"))
model.add(Dropout(0.5))
model.add(Dense(nb_classes))
model.add(Activation("softmax"))

sgd = SGD(learning_rate=0.01, momentum=0.9, nesterov=True)
model.compile(loss="categorical_crossentropy", optimizer=sgd)
model.fit(X_train, Y_train, batch_size=32, epochs=20, validation_data=(X_test, Y_test))
