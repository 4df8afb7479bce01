# source: https://stackoverflow.com/questions/64522751
# mistake: CIFAR-10 CNN ends in Dense(10, activation='softmax') on to_categorical targets but is compiled with binary_crossentropy; the reporter blames the learning rate of 0.1 for the stuck training, the loss scores ten independent yes/no problems instead of one 10-way choice (program read through its reproduction in confanonymous/Theia SOF/64522751.py)
# shape: keras.datasets; cifar10.load_data() with to_categorical(y, 10), learning rate in a module constant
# expect: KL102 line 33
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.datasets import cifar10
from tensorflow.keras.models import Sequential
from tensorflow.keras.utils import to_categorical

BATCH = 10
EPOCHS = 30
LEARNING_RATE = 0.1

(x_train, y_train), (x_test, y_test) = cifar10.load_data()
x_train = x_train.astype("float32") / 255
x_test = x_test.astype("float32") / 255
y_train = to_categorical(y_train, 10)
y_test = to_categorical(y_test, 10)

cnn = Sequential()
cnn.add(layers.Conv2D(25, (3, 3), activation="relu", input_shape=(32, 32, 3)))
cnn.add(layers.MaxPooling2D((2, 2)))
cnn.add(layers.Conv2D(50, (3, 3), activation="relu"))
cnn.add(layers.MaxPooling2D((2, 2)))
cnn.add(layers.Conv2D(100, (3, 3), activation="relu"))
cnn.add(layers.MaxPooling2D((2, 2)))
cnn.add(layers.Flatten())
cnn.add(layers.Dense(100, activation="relu"))
cnn.add(layers.Dense(10, activation="softmax"))

cnn.compile(optimizer=keras.optimizers.Adam(learning_rate=LEARNING_RATE),
            loss="binary_crossentropy",
            metrics=["accuracy"])
history = cnn.fit(x_train, y_train, epochs=EPOCHS, batch_size=BATCH,
                  validation_data=(x_test, y_test), verbose=0)
