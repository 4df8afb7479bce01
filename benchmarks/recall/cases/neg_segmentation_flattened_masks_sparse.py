# source: https://github.com/nicolov/segmentation_keras/issues/42
# mistake: none - dilated-conv segmentation: 21-channel logits reshaped to (pixels, 21) with a softmax, trained with sparse_categorical_crossentropy on masks of shape (pixels, 1) holding class ids
# shape: convolution head; Conv2D(nb_classes, 1) head reshaped to (rows*cols, nb_classes), separate softmax Activation, masks built with np.zeros in a generator
# expect: none
import numpy as np
from keras.layers import Input, Conv2D, Reshape, Activation
from keras.models import Model

nb_classes = 21
rows, cols = 64, 64


def get_frontend(inp):
    x = Conv2D(64, 3, padding="same", activation="relu")(inp)
    x = Conv2D(128, 3, padding="same", dilation_rate=2, activation="relu")(x)
    x = Conv2D(256, 3, padding="same", dilation_rate=4, activation="relu")(x)
    return x


inp = Input(shape=(rows, cols, 3))
x = get_frontend(inp)
x = Conv2D(nb_classes, 1)(x)
x = Reshape((rows * cols, nb_classes))(x)
out = Activation("softmax")(x)
model = Model(inp, out)
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])


def batches(images, masks, batch_size=8):
    while True:
        idx = np.random.choice(len(images), batch_size)
        image_batch = images[idx]
        mask_batch = np.zeros((batch_size, rows * cols, 1))
        mask_batch[:, :, 0] = masks[idx].reshape(batch_size, -1)
        yield image_batch, mask_batch


images = np.load("voc_images.npy")
masks = np.load("voc_masks.npy")
model.fit(batches(images, masks), steps_per_epoch=100, epochs=10)
