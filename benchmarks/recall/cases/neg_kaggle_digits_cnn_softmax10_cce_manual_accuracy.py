# source: https://stackoverflow.com/questions/41327601
# mistake: none; the accepted answer's version: the 10-way softmax trained with categorical_crossentropy on one-hot digits, accuracy checked by hand with argmax
# shape: literal; Kaggle digit-recognizer train.csv read with pandas, label column one-hot encoded with to_categorical (filled in as in the mistaken twin)
# expect: none
import numpy as np
import pandas as pd
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.utils import to_categorical

frame = pd.read_csv("train.csv")
targets = to_categorical(frame["label"].values)
images = frame.drop(columns=["label"]).values.reshape(-1, 28, 28, 1).astype("float32") / 255.0
x_fit, y_fit = images[:38000], targets[:38000]
x_check, y_check = images[38000:], targets[38000:]

net = Sequential()
net.add(Conv2D(64, (5, 5), input_shape=(28, 28, 1), activation="relu"))
net.add(MaxPooling2D(pool_size=(2, 2)))
net.add(Flatten())
net.add(Dense(100, activation="relu"))
net.add(Dense(10, activation="softmax"))
net.compile(loss="categorical_crossentropy", optimizer="adamax", metrics=["accuracy"])
net.fit(x_fit, y_fit, batch_size=128, epochs=10)

predicted = net.predict(x_check)
print(np.mean(np.argmax(predicted, axis=1) == np.argmax(y_check, axis=1)))
