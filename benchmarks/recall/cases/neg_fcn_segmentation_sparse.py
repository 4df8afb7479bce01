# source: https://github.com/keras-team/keras/issues/6587
# mistake: none - FCN segmentation head: 21-filter 1x1 convolution, softmax over channels, sparse_categorical_crossentropy on integer masks
# shape: convolution head; convolution head, nb_classes variable, channels_last
# expect: none
import numpy as np
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D, Activation
from keras.models import Model

nb_classes = 21
inp = Input(shape=(224, 224, 3))
x = Conv2D(64, 3, padding="same", activation="relu")(inp)
x = MaxPooling2D()(x)
x = Conv2D(128, 3, padding="same", activation="relu")(x)
x = UpSampling2D()(x)
x = Conv2D(nb_classes, 1, padding="same")(x)
out = Activation("softmax")(x)
model = Model(inp, out)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

images = np.load("voc_images.npy")
masks = np.load("voc_masks.npy")        # (n, 224, 224, 1) integer class ids
model.fit(images, masks, batch_size=8, epochs=20)
