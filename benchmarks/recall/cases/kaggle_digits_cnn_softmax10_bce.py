# source: https://stackoverflow.com/questions/41327601
# mistake: a Kaggle MNIST CNN ends in a 10-way softmax but is compiled with binary_crossentropy because it "scores higher" than categorical_crossentropy: the reported accuracy is binary accuracy over ten columns and the loss scores each digit as its own yes/no problem
# shape: literal; Kaggle digit-recognizer train.csv read with pandas, its label column one-hot encoded with to_categorical, pixels reshaped to 28x28x1 (filled in: the question shows the model and the compile)
# expect: KL102 line 26
import pandas as pd
from keras.layers import Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.utils import to_categorical

frame = pd.read_csv("train.csv")
targets = to_categorical(frame["label"].values)
images = frame.drop(columns=["label"]).values.reshape(-1, 28, 28, 1).astype("float32") / 255.0

net = Sequential()
net.add(Conv2D(100, (5, 5), padding="valid", input_shape=(28, 28, 1), activation="relu"))
net.add(MaxPooling2D(pool_size=(2, 2)))
net.add(Conv2D(100, (3, 3), activation="relu"))
net.add(MaxPooling2D(pool_size=(2, 2)))
net.add(Dropout(0.3))
net.add(Flatten())
net.add(Dense(100, activation="relu"))
net.add(Dropout(0.3))
net.add(Dense(100, activation="relu"))
net.add(Dropout(0.3))
net.add(Dense(10, activation="softmax"))
net.compile(loss="binary_crossentropy", optimizer="adamax", metrics=["accuracy"])
net.fit(images, targets, batch_size=128, epochs=10, validation_split=0.1)
