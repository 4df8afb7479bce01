# source: https://stackoverflow.com/questions/58858517
# mistake: Fashion-MNIST CNN: the labels are one-hot encoded with to_categorical(y, 10), the output is Dense(10, activation='sigmoid') and the loss is sparse_categorical_crossentropy; a sigmoid head is not one distribution over the 10 classes and the sparse loss expects integer labels, not one-hot rows (program read through its reproduction in confanonymous/Theia SOF/58858517.py)
# shape: keras.datasets; fashion_mnist.load_data() labels one-hot encoded with to_categorical(y, 10) before fit
# expect: KL107 line 29
# expect: KL201 line 30
from tensorflow import keras
from tensorflow.keras.datasets import fashion_mnist
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, MaxPooling2D, Dropout, Flatten, Dense
from tensorflow.keras.utils import to_categorical

batch_size = 512
epochs = 30
rows, cols = 28, 28

(x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()
x_train = x_train.reshape(x_train.shape[0], rows, cols, 1).astype("float32") / 255
x_test = x_test.reshape(x_test.shape[0], rows, cols, 1).astype("float32") / 255

y_train = to_categorical(y_train, 10)
y_test = to_categorical(y_test, 10)

cnn = Sequential()
cnn.add(Conv2D(64, (3, 3), input_shape=(rows, cols, 1), activation="relu"))
cnn.add(MaxPooling2D(pool_size=(2, 2)))
cnn.add(Dropout(0.25))
cnn.add(Flatten())
cnn.add(Dense(32, activation="relu"))
cnn.add(Dense(10, activation="sigmoid"))
cnn.compile(loss="sparse_categorical_crossentropy", optimizer="Adam", metrics=["accuracy"])

history = cnn.fit(x_train, y_train, batch_size=batch_size, epochs=epochs, verbose=1,
                  validation_data=(x_test, y_test))
