# source: https://github.com/mapa17/DogsvsCatsRemux/blob/49986f0d392f998c40e5a53438d07cb679687cf1/keras/cnn0.py
# mistake: none - MNIST with to_categorical targets, Dense(10) followed by a separate Activation('softmax') and categorical_crossentropy (mean_squared_error only as a metric)
# shape: separate Activation layer; to_categorical without num_classes on load_data() labels, mse as a metric name
# expect: none
from keras.datasets import mnist
from keras.utils import to_categorical
from keras.models import Sequential
from keras.layers import Flatten, Dense, Activation

(X_train, y_train), (X_test, y_test) = mnist.load_data()
Y_train = to_categorical(y_train)
Y_test = to_categorical(y_test)
X_train = X_train.reshape(-1, 28, 28, 1).astype("float32") / 255.0
X_test = X_test.reshape(-1, 28, 28, 1).astype("float32") / 255.0

model = Sequential()
model.add(Flatten(input_shape=(28, 28, 1)))
model.add(Dense(10))
model.add(Activation("softmax"))
model.compile(optimizer="rmsprop",
              loss="categorical_crossentropy",
              metrics=["accuracy", "mean_squared_error"])
model.fit(X_train, Y_train, epochs=10, validation_data=(X_test, Y_test), verbose=1)
