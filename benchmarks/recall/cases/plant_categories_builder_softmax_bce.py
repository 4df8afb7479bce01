# source: https://github.com/oic-ogma/plant-watcher-ml/blob/3a0c1f928b802e1f4051510a66468f4488ec1da5/ml/model.py
# mistake: a five-flower classifier (asagao, cosmos, himawari, margaret, pansy) builds a softmax over `classes` units and compiles it with binary_crossentropy inside the builder; the trainer (ml/trainer.py at 11ddf402031ada349d816e96fb785b590d99466b) passes classes = len(categories) = 5 and one-hot targets: each unit is scored as its own yes/no problem
# shape: builder parameter; build_model(in_shape, classes) in a model module, called by a trainer with classes = len(categories) of a module-level list, targets from np_utils.to_categorical, data from np.load
# expect: KL102 line 31
import numpy as np
from keras.layers import Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.utils import np_utils

categories = ["asagao", "cosmos", "himawari", "margaret", "pansy"]
classes = len(categories)


def build_model(in_shape, classes):
    model = Sequential()
    model.add(Conv2D(32, (3, 3), padding="same", input_shape=in_shape))
    model.add(Activation("relu"))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Dropout(0.25))
    model.add(Conv2D(64, (3, 3), padding="same"))
    model.add(Activation("relu"))
    model.add(Conv2D(64, (3, 3)))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Dropout(0.25))
    model.add(Flatten())
    model.add(Dense(512))
    model.add(Activation("relu"))
    model.add(Dropout(0.5))
    model.add(Dense(classes))
    model.add(Activation("softmax"))
    model.compile(loss="binary_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
    return model


def model_train(x, y):
    model = build_model(x.shape[1:], classes)
    model.fit(x, y, batch_size=32, epochs=30)
    model.save_weights("./store/model.hdf5")
    return model


def main():
    x_train, x_test, y_train, y_test = np.load("./store/plants.npy", allow_pickle=True)
    x_train = x_train.astype("float") / 256
    x_test = x_test.astype("float") / 256
    y_train = np_utils.to_categorical(y_train, classes)
    y_test = np_utils.to_categorical(y_test, classes)
    model = model_train(x_train, y_train)
    print(model.evaluate(x_test, y_test))


if __name__ == "__main__":
    main()
