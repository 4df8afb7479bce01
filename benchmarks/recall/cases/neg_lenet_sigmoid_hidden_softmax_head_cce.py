# source: https://stackoverflow.com/questions/49237068
# mistake: none - LeNet-style MNIST with sigmoid activations inside the network (including a Dense(10) + Activation('sigmoid') hidden block) but a final Dense(10) + Activation('softmax') with categorical_crossentropy on to_categorical targets (program read through its reproduction in confanonymous/Theia SOF/49237068.py)
# shape: separate Activation layer; a sigmoid-activated 10-unit Dense that is not the output, softmax after it
# expect: none
from tensorflow import keras
from tensorflow.keras.datasets import mnist
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import (Dense, Flatten, Conv2D, MaxPooling2D, Activation,
                                     AveragePooling2D)
from tensorflow.keras.utils import to_categorical

batch_size = 32
epochs = 12

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train.reshape(x_train.shape[0], 28, 28, 1).astype("float32") / 255
x_test = x_test.reshape(x_test.shape[0], 28, 28, 1).astype("float32") / 255
y_train = to_categorical(y_train, 10)
y_test = to_categorical(y_test, 10)

model = Sequential()
model.add(Conv2D(6, (5, 5), input_shape=(28, 28, 1)))
model.add(Activation("sigmoid"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(12, (5, 5)))
model.add(Activation("sigmoid"))
model.add(AveragePooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(192))
model.add(Dense(10))
model.add(Activation("sigmoid"))
model.add(Dense(10))
model.add(Activation("softmax"))
model.compile(loss=keras.losses.categorical_crossentropy,
              optimizer=keras.optimizers.Adadelta(),
              metrics=["accuracy"])
hist = model.fit(x_train, y_train, batch_size=batch_size, epochs=epochs, verbose=1,
                 validation_data=(x_test, y_test))
print(model.evaluate(x_test, y_test, verbose=0))
