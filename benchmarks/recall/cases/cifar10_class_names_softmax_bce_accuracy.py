# source: https://qiita.com/usatie/items/e3460689968413dcef7c
# mistake: a CIFAR-10 classifier whose 10-way softmax over to_categorical targets was switched from categorical_crossentropy to binary_crossentropy because "the accuracy jumped from 70% to 95%"; the author later found the jump came from the accuracy Keras picked for that loss, the loss itself treating the ten classes as independent yes/no problems
# shape: units from a literal class-name list; num_classes = len(class_names), to_categorical(y, num_classes), notebook-style top-level code with standalone keras imports
# expect: KL102 line 34
import keras
from keras.datasets import cifar10
from keras.layers import Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential

class_names = ["airplane", "automobile", "bird", "cat", "deer",
               "dog", "frog", "horse", "ship", "truck"]
num_classes = len(class_names)

(x_train, y_train), (x_test, y_test) = cifar10.load_data()
x_train = x_train.astype("float32") / 255
x_test = x_test.astype("float32") / 255
y_train = keras.utils.to_categorical(y_train, num_classes)
y_test = keras.utils.to_categorical(y_test, num_classes)

model = Sequential()
model.add(Conv2D(32, (3, 3), padding="same", input_shape=x_train.shape[1:]))
model.add(Activation("relu"))
model.add(Conv2D(32, (3, 3)))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(512))
model.add(Activation("relu"))
model.add(Dropout(0.5))
model.add(Dense(num_classes))
model.add(Activation("softmax"))

model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=64, epochs=20, validation_data=(x_test, y_test))
print(model.evaluate(x_test, y_test))
