# source: https://github.com/bonlime/keras-deeplab-v3-plus/issues/129
# mistake: the project's model.py defines Deeplabv3(...), which only appends a softmax or sigmoid when its activation argument asks for one and defaults to activation=None; the training script imports it, calls it with classes=NUM_CLASSES and no activation, and compiles categorical_crossentropy without from_logits on the raw logits (a commenter: "it defaults to None which will mean you get unbounded numbers"); the builder is reduced to its encoder/ASPP/decoder skeleton
# shape: builder in another module; `from model import Deeplabv3`, its activation=None default and `if activation in {"softmax", "sigmoid"}:` in model.py, the class count and loss in the training script
# expect: KL106 line 17
import numpy as np
import tensorflow as tf

from model import Deeplabv3

NUM_CLASSES = 4
IMG_SIZE = 512

images = np.load("train_images.npy").astype("float32") / 127.5 - 1.0
masks = np.load("train_masks.npy")                              # (n, 512, 512) class ids
one_hot_masks = tf.keras.utils.to_categorical(masks, NUM_CLASSES)
model = Deeplabv3(weights=None, input_shape=(IMG_SIZE, IMG_SIZE, 3), classes=NUM_CLASSES)
model.compile(optimizer=tf.keras.optimizers.Adam(1e-4), loss="categorical_crossentropy", metrics=["acc"])
model.fit(images, one_hot_masks, batch_size=4, epochs=100, validation_split=0.1)
