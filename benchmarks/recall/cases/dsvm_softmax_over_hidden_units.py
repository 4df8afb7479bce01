# source: https://github.com/Azure/DataScienceVM/issues/9
# mistake: build_model() ends with Activation('softmax') straight after the 512-unit hidden block, with no Dense(num_classes): the output has 512 units for 10 one-hot classes
# shape: builder function; hidden width from a loop over layer sizes, class count from a module-level num_classes used by to_categorical
# expect: KL204 line 24/27/30
import keras
from keras.datasets import mnist
from keras.models import Sequential
from keras.layers import Dense, Dropout, Activation
from keras.optimizers import RMSprop

num_classes = 10
(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train.reshape(60000, 784).astype('float32') / 255
x_test = x_test.reshape(10000, 784).astype('float32') / 255
y_train = keras.utils.to_categorical(y_train, num_classes)
y_test = keras.utils.to_categorical(y_test, num_classes)


def build_model(layer_sizes=(512, 512), dropout=0.2):
    model = Sequential()
    first = True
    for size in layer_sizes:
        if first:
            model.add(Dense(size, input_shape=(784,)))
            first = False
        else:
            model.add(Dense(size))
        model.add(Activation('relu'))
        model.add(Dropout(dropout))
    model.add(Activation('softmax'))

    # compile and fit model, reduce epochs if you want a result faster
    model.compile(loss='categorical_crossentropy', optimizer=RMSprop(), metrics=['accuracy'])
    return model


model = build_model()
model.fit(x_train, y_train, batch_size=128, epochs=20, validation_data=(x_test, y_test))
