# source: https://github.com/d-misra/Multi-label-movie-poster-genre-classification/blob/83ef7624b6c2e71e63e6e488d9ea32b0dbca8a3a/5.%20Train-2.py
# mistake: none - multi-label genre prediction from posters: a VGG16 base with Dense(num_classes=28, activation='sigmoid') trained with binary_crossentropy on 28 genre indicator columns (a poster can have several genres)
# shape: numpy column slice; targets Y = np.array(df.iloc[:, 1:29]) built in a loader function returning (X, Y), keras.applications VGG16 base with its last four layers trainable, ImageDataGenerator.flow augmentation passed to fit
# expect: none
import numpy as np
import pandas as pd
from keras import layers, models, optimizers
from keras.applications import VGG16
from keras.preprocessing import image
from keras.preprocessing.image import ImageDataGenerator


def arrange_data(df):
    image_data = []
    img_paths = np.asarray(df.iloc[:, 0])  # first column holds the image paths
    for path in img_paths:
        img = image.img_to_array(image.load_img(path, target_size=(200, 150, 3))) / 255
        image_data.append(img)
    X = np.array(image_data)
    Y = np.array(df.iloc[:, 1:29])
    return X, Y


X_train, Y_train = arrange_data(pd.read_csv("Train.csv", delimiter=" "))
X_val, Y_val = arrange_data(pd.read_csv("Valid.csv", delimiter=" "))

num_classes = 28  # genres

vgg_conv = VGG16(weights="imagenet", include_top=False, input_shape=(200, 150, 3))
for layer in vgg_conv.layers[:-4]:
    layer.trainable = False

model = models.Sequential()
model.add(vgg_conv)
model.add(layers.Flatten())
model.add(layers.Dense(1024, activation="relu"))
model.add(layers.Dropout(0.5))
model.add(layers.Dense(num_classes, activation="sigmoid"))

model.compile(optimizer=optimizers.RMSprop(learning_rate=1e-4), loss="binary_crossentropy", metrics=["accuracy"])

aug = ImageDataGenerator(rotation_range=20, zoom_range=0.15, width_shift_range=0.2, height_shift_range=0.2,
                         shear_range=0.15, horizontal_flip=True, fill_mode="nearest")
EPOCHS = 50
BS = 64
history = model.fit(aug.flow(X_train, Y_train, batch_size=BS), validation_data=(X_val, Y_val),
                    steps_per_epoch=len(X_train) // BS, epochs=EPOCHS)
model.save("Model_4d.h5")
