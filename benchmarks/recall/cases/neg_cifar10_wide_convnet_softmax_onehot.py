# source: https://stackoverflow.com/questions/37229086
# mistake: none - CIFAR-10 convnet with a Dense(10, softmax) head and categorical_crossentropy on to_categorical(y, 10) targets (program read through its reproduction in confanonymous/Theia SOF/37229086.py)
# shape: keras.datasets; cifar10.load_data() with to_categorical(y, 10), input shape from x_train.shape[1:]
# expect: none
from tensorflow.keras.datasets import cifar10
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Flatten, Conv2D, MaxPooling2D
from tensorflow.keras.utils import to_categorical

batch_size = 32
epochs = 30

(x_train, y_train), (x_test, y_test) = cifar10.load_data()
x_train = x_train.astype("float32") / 255
x_test = x_test.astype("float32") / 255
y_train = to_categorical(y_train, 10)
y_test = to_categorical(y_test, 10)

model = Sequential()
model.add(Conv2D(256, (3, 3), padding="same", activation="relu", input_shape=x_train.shape[1:]))
model.add(MaxPooling2D(pool_size=(3, 3)))
model.add(Conv2D(128, (3, 3), padding="same", activation="relu"))
model.add(MaxPooling2D(pool_size=(3, 3)))
model.add(Flatten())
model.add(Dense(384, activation="relu"))
model.add(Dense(192, activation="relu"))
model.add(Dense(10, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="Adam", metrics=["accuracy"])
cnn = model.fit(x_train, y_train, batch_size=batch_size, epochs=epochs,
                validation_data=(x_test, y_test), shuffle=True, verbose=0)
