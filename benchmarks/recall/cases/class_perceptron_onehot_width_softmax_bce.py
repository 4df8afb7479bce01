# source: https://github.com/lukas/ml-class/issues/34
# mistake: in a class's MNIST perceptron, categorical_crossentropy is replaced by binary_crossentropy on the softmax over the digits because the reported accuracy went up; that accuracy is binary accuracy over ten columns (about 0.9 for any model) and the loss is not the multi-class log-loss
# shape: units from y.shape[1]; the output width is num_classes = y_train.shape[1] of to_categorical on mnist.load_data() labels, the input size from X_train.shape (the issue describes the change on the class's perceptron and mlp; the script around it is filled in plainly, without its logging)
# expect: KL102 line 23
from keras.datasets import mnist
from keras.layers import Dense, Flatten
from keras.models import Sequential
from keras.utils import to_categorical

(X_train, y_train), (X_test, y_test) = mnist.load_data()
img_width = X_train.shape[1]
img_height = X_train.shape[2]
X_train = X_train.astype("float32") / 255.0
X_test = X_test.astype("float32") / 255.0

y_train = to_categorical(y_train)
y_test = to_categorical(y_test)
num_classes = y_train.shape[1]

model = Sequential()
model.add(Flatten(input_shape=(img_width, img_height)))
model.add(Dense(num_classes, activation="softmax"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=10, validation_data=(X_test, y_test))
