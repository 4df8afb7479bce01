# source: https://github.com/jocicmarko/ultrasound-nerve-segmentation/issues/18
# mistake: U-Net's last 1x1 convolution has one filter; the output is reshaped to (pixels, 1) and passed through softmax over that single channel (always 1.0), trained with categorical_crossentropy
# shape: convolution head; 1-filter Conv2D head, Reshape to (rows*cols, 1), separate Activation('softmax'), unet builder function
# expect: KL101 line 25/27
# expect: KL103 line 29
import numpy as np
from keras.models import Model
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D, concatenate, Reshape, Activation
from keras.optimizers import Adam

img_rows, img_cols = 96, 96


def get_unet():
    inputs = Input((img_rows, img_cols, 1))
    c1 = Conv2D(32, (3, 3), activation="relu", padding="same")(inputs)
    p1 = MaxPooling2D(pool_size=(2, 2))(c1)
    c2 = Conv2D(64, (3, 3), activation="relu", padding="same")(p1)
    p2 = MaxPooling2D(pool_size=(2, 2))(c2)
    c3 = Conv2D(128, (3, 3), activation="relu", padding="same")(p2)
    u4 = concatenate([UpSampling2D(size=(2, 2))(c3), c2], axis=3)
    c4 = Conv2D(64, (3, 3), activation="relu", padding="same")(u4)
    u5 = concatenate([UpSampling2D(size=(2, 2))(c4), c1], axis=3)
    c5 = Conv2D(32, (3, 3), activation="relu", padding="same")(u5)
    c6 = Conv2D(1, (1, 1), activation="linear")(c5)
    flat = Reshape((img_rows * img_cols, 1))(c6)
    probs = Activation("softmax")(flat)
    model = Model(inputs=inputs, outputs=probs)
    model.compile(optimizer=Adam(learning_rate=1e-5), loss="categorical_crossentropy")
    return model


imgs_train = np.load("imgs_train.npy").astype("float32") / 255.0
imgs_mask_train = np.load("imgs_mask_train.npy").astype("float32") / 255.0
imgs_mask_train = imgs_mask_train.reshape((imgs_mask_train.shape[0], img_rows * img_cols, 1))
model = get_unet()
model.fit(imgs_train, imgs_mask_train, batch_size=32, epochs=20, validation_split=0.2)
