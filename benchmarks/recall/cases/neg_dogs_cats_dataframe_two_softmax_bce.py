# source: https://stackoverflow.com/questions/40045159
# mistake: none - dogs vs cats from a DataFrame of file names: flow_from_dataframe in class_mode='categorical' (two one-hot columns) with Dense(2, activation='softmax') and binary_crossentropy, which equals categorical crossentropy on two softmax units (program read through its reproduction in confanonymous/Theia SOF/40045159.py)
# shape: two-class softmax; labels built in a loop from file names into a DataFrame column, flow_from_dataframe(class_mode='categorical')
# expect: none
import os

import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, MaxPooling2D, Dropout, Flatten, Dense

batch_size = 64
epochs = 20
train_path = "dogs-vs-cats/train/"

files = os.listdir(train_path)
labels = []
for path in files:
    labels.append("dog" if "dog" in path else "cat")
train = pd.DataFrame({"file": files, "labels": labels})
train_set, val_set = train_test_split(train, test_size=0.2, random_state=42)

datagen_train = ImageDataGenerator(rescale=1.0 / 255, shear_range=0.2, zoom_range=0.2,
                                   horizontal_flip=True)
datagen_valid = ImageDataGenerator(rescale=1.0 / 255)
aug_train = datagen_train.flow_from_dataframe(train_set, directory=train_path, x_col="file",
                                              y_col="labels", target_size=(28, 28),
                                              class_mode="categorical", batch_size=batch_size)
aug_test = datagen_valid.flow_from_dataframe(val_set, directory=train_path, x_col="file",
                                             y_col="labels", target_size=(28, 28),
                                             class_mode="categorical", batch_size=batch_size)

model = Sequential()
model.add(Conv2D(30, (5, 5), padding="valid", input_shape=(28, 28, 3), activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(15, (3, 3), activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.2))
model.add(Flatten())
model.add(Dense(128, activation="relu"))
model.add(Dense(50, activation="relu"))
model.add(Dense(2, activation="softmax"))

sgd = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True)
model.compile(loss="binary_crossentropy", optimizer=sgd, metrics=["accuracy"])
hist = model.fit(aug_train, validation_data=aug_test, epochs=epochs, verbose=1)
