# source: https://github.com/keras-team/keras/issues/1169
# mistake: none - per-pixel classification: softmax on the last Conv2D(classes, (1, 1)) and categorical_crossentropy on masks one-hot encoded with to_categorical(masks, classes), as the comment recommends
# shape: convolution head; Conv2D(classes, 1) softmax head in a unet builder, masks one-hot encoded with to_categorical(masks, classes)
# expect: none
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.utils import to_categorical

classes = 14


def unet(input_shape, classes):
    inp = keras.Input(input_shape)
    c1 = layers.Conv2D(32, 3, padding="same", activation="relu")(inp)
    p1 = layers.MaxPooling2D()(c1)
    c2 = layers.Conv2D(64, 3, padding="same", activation="relu")(p1)
    u1 = layers.UpSampling2D()(c2)
    m1 = layers.concatenate([u1, c1])
    c3 = layers.Conv2D(32, 3, padding="same", activation="relu")(m1)
    out = layers.Conv2D(classes, (1, 1), activation="softmax")(c3)
    return keras.Model(inputs=[inp], outputs=[out], name="unet")


images = np.load("rooms.npy").astype("float32") / 255.0
masks = to_categorical(np.load("room_labels.npy"), classes)
model = unet(images.shape[1:], classes)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(images, masks, batch_size=4, epochs=30, validation_split=0.1)
