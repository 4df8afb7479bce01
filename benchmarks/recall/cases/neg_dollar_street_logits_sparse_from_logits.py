# source: https://github.com/carpentries-lab/deep-learning-intro/pull/382
# mistake: none - ten-class image model whose last Dense(10) has no activation, trained on integer labels with SparseCategoricalCrossentropy(from_logits=True); the PR only explains why no one-hot encoding is needed
# shape: literal; functional CNN with a logits head, integer labels loaded from .npy files
# expect: none
import numpy as np
from tensorflow import keras

train_images = np.load("dollar_street_train_images.npy") / 255.0
train_labels = np.load("dollar_street_train_labels.npy")
val_images = np.load("dollar_street_val_images.npy") / 255.0
val_labels = np.load("dollar_street_val_labels.npy")

inputs = keras.Input(shape=train_images.shape[1:])
x = keras.layers.Conv2D(50, (3, 3), activation="relu")(inputs)
x = keras.layers.MaxPooling2D((2, 2))(x)
x = keras.layers.Conv2D(50, (3, 3), activation="relu")(x)
x = keras.layers.MaxPooling2D((2, 2))(x)
x = keras.layers.Flatten()(x)
x = keras.layers.Dense(50, activation="relu")(x)
outputs = keras.layers.Dense(10)(x)
model = keras.Model(inputs=inputs, outputs=outputs, name="dollar_street_model")
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(train_images, train_labels, epochs=10, validation_data=(val_images, val_labels))
