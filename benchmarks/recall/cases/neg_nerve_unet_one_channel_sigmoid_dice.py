# source: https://github.com/jocicmarko/ultrasound-nerve-segmentation/issues/8
# mistake: none - the author explains the design: binary segmentation with one output channel, Conv2D(1, (1, 1), activation="sigmoid"), trained with a Dice-coefficient loss on 0/1 masks (the original U-Net used two channels with softmax and log-loss instead; both are consistent)
# shape: convolution head; U-Net built in a get_unet() function, custom dice loss passed as a function object, masks scaled to 0/1
# expect: none
import numpy as np
from keras import backend as K
from keras.layers import Conv2D, Conv2DTranspose, Input, MaxPooling2D, concatenate
from keras.models import Model
from keras.optimizers import Adam

img_rows, img_cols = 96, 96
smooth = 1.0


def dice_coef(y_true, y_pred):
    y_true_f = K.flatten(y_true)
    y_pred_f = K.flatten(y_pred)
    intersection = K.sum(y_true_f * y_pred_f)
    return (2.0 * intersection + smooth) / (K.sum(y_true_f) + K.sum(y_pred_f) + smooth)


def dice_coef_loss(y_true, y_pred):
    return -dice_coef(y_true, y_pred)


def get_unet():
    inputs = Input((img_rows, img_cols, 1))
    c1 = Conv2D(32, (3, 3), activation="relu", padding="same")(inputs)
    c1 = Conv2D(32, (3, 3), activation="relu", padding="same")(c1)
    p1 = MaxPooling2D(pool_size=(2, 2))(c1)
    c2 = Conv2D(64, (3, 3), activation="relu", padding="same")(p1)
    c2 = Conv2D(64, (3, 3), activation="relu", padding="same")(c2)
    p2 = MaxPooling2D(pool_size=(2, 2))(c2)
    c3 = Conv2D(128, (3, 3), activation="relu", padding="same")(p2)
    u2 = concatenate([Conv2DTranspose(64, (2, 2), strides=(2, 2), padding="same")(c3), c2], axis=3)
    c4 = Conv2D(64, (3, 3), activation="relu", padding="same")(u2)
    u1 = concatenate([Conv2DTranspose(32, (2, 2), strides=(2, 2), padding="same")(c4), c1], axis=3)
    c5 = Conv2D(32, (3, 3), activation="relu", padding="same")(u1)
    outputs = Conv2D(1, (1, 1), activation="sigmoid")(c5)
    model = Model(inputs=[inputs], outputs=[outputs])
    model.compile(optimizer=Adam(learning_rate=1e-5), loss=dice_coef_loss, metrics=[dice_coef])
    return model


imgs_train = np.load("imgs_train.npy").astype("float32")[..., None]
imgs_mask_train = (np.load("imgs_mask_train.npy").astype("float32") / 255.0)[..., None]
mean, std = imgs_train.mean(), imgs_train.std()
imgs_train = (imgs_train - mean) / std

model = get_unet()
model.fit(imgs_train, imgs_mask_train, batch_size=32, epochs=20, shuffle=True, validation_split=0.2)
