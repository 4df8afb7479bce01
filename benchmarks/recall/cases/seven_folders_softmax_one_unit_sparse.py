# source: https://github.com/keras-team/keras/issues/11786
# mistake: a 7-category image classifier gets a nan loss with Dense(7, softmax) and sparse_categorical_crossentropy, and the reporter's workaround is to give the last Dense layer one output ("then it starts to compute loss"); a single softmax unit is always 1.0 and the sparse loss over one unit is constant, so the loss computes but nothing is learned
# shape: labels appended in a loop; images and labels read folder by folder with the label the folder's index in sorted(os.listdir(...)), model and compile at top level
# expect: KL101 line 37
# expect: KL103 line 39
import os

import keras
import numpy as np
from keras.layers import Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.preprocessing.image import img_to_array, load_img

DATA_DIR = "categories"
batch_size = 32
epochs = 20

categories = sorted(os.listdir(DATA_DIR))
images, labels = [], []
for index, folder in enumerate(categories):
    for name in os.listdir(os.path.join(DATA_DIR, folder)):
        img = load_img(os.path.join(DATA_DIR, folder, name), target_size=(256, 256))
        images.append(img_to_array(img) / 255.0)
        labels.append(index)
x = np.array(images)
y = np.array(labels)
split = int(0.8 * len(x))
x_train, x_test, y_train, y_test = x[:split], x[split:], y[:split], y[split:]

model = Sequential()
model.add(Conv2D(kernel_size=(3, 3), filters=8, input_shape=(256, 256, 3), activation="relu", padding="valid"))
model.add(Conv2D(kernel_size=(3, 3), filters=8, activation="relu", padding="same"))
model.add(MaxPooling2D(pool_size=(2, 2), strides=(2, 2)))
model.add(Flatten())
model.add(Dropout(0.6))
model.add(Dense(100, activation="relu"))
model.add(Dense(1, activation="softmax"))

model.compile(loss=keras.losses.sparse_categorical_crossentropy,
              optimizer=keras.optimizers.Adam(learning_rate=0.001),
              metrics=["accuracy"])
history = model.fit(x_train, y_train, batch_size=batch_size, epochs=epochs, verbose=1,
                    validation_data=(x_test, y_test))
