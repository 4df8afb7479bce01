# source: https://github.com/godardt/planet-amazon-deforestation/pull/1
# mistake: none - 17 non-exclusive Amazon tags: sigmoid output with binary_crossentropy is the right setup (the PR proposing softmax + categorical_crossentropy was declined)
# shape: units from len() of a collection; tag list built from a DataFrame column, multi-hot targets written in a loop
# expect: none
import numpy as np
import pandas as pd
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Dropout, BatchNormalization

df_train = pd.read_csv("train_v2.csv")
labels = sorted({tag for tags in df_train["tags"].values for tag in tags.split(" ")})
label_map = {l: i for i, l in enumerate(labels)}

x_train, y_train = [], []
for f, tags in df_train.values:
    img = np.load("train-npy/{}.npy".format(f))
    targets = np.zeros(len(labels))
    for t in tags.split(" "):
        targets[label_map[t]] = 1
    x_train.append(img)
    y_train.append(targets)
x_train = np.array(x_train, np.float16) / 255.
y_train = np.array(y_train, np.uint8)

model = Sequential()
model.add(BatchNormalization(input_shape=(64, 64, 3)))
model.add(Conv2D(32, (3, 3), activation="relu", padding="same"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(64, (3, 3), activation="relu", padding="same"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(256, activation="relu"))
model.add(Dropout(0.5))
model.add(Dense(len(labels), activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=128, epochs=10, validation_split=0.2)
