# source: https://github.com/keras-team/keras/issues/14296
# mistake: two-branch (numeric + image) binary model with a single output node compiled with categorical_crossentropy; validation loss stays 0
# shape: functional multi-input with builder branches; functional multi-input model, builder functions for the branches
# expect: KL103 line 30
import numpy as np
from keras.layers import Input, Dense, Conv2D, MaxPooling2D, Flatten, concatenate
from keras.models import Model


def numeric_branch(dim):
    inp = Input(shape=(dim,))
    x = Dense(8, activation="relu")(inp)
    return inp, Dense(4, activation="relu")(x)


def image_branch(h, w):
    inp = Input(shape=(h, w, 3))
    x = Conv2D(16, (3, 3), activation="relu")(inp)
    x = MaxPooling2D()(x)
    x = Flatten()(x)
    return inp, Dense(4, activation="relu")(x)


num_in, num_out = numeric_branch(12)
img_in, img_out = image_branch(64, 64)
merged = concatenate([num_out, img_out])
x = Dense(4, activation="relu")(merged)
out = Dense(1, activation="sigmoid")(x)
model = Model(inputs=[num_in, img_in], outputs=out)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

tab = np.load("tabular.npy")
imgs = np.load("images.npy")
labels = np.load("labels.npy")
model.fit([tab, imgs], labels, validation_split=0.2, epochs=20, batch_size=8)
