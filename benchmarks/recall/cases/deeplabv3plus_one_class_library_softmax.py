# source: https://github.com/keras-team/keras-cv/issues/2456
# mistake: KerasCV's DeepLabV3Plus task ends in a softmax over num_classes channels; built with num_classes=1 for a one-class mask (as in its own documentation example) every pixel is predicted 1.0 and binary crossentropy cannot train it (Keras only warns: "softmax over axis -1 ... of size 1")
# shape: library model; the softmax head lives inside keras_cv.models.segmentation.DeepLabV3Plus(num_classes=1), tf.data pipeline of image/mask files
# expect: KL101 line 28
import glob

import keras
import keras_cv
import tensorflow as tf

IMAGE_SIZE = 96
BATCH_SIZE = 8


def load_pair(image_path, mask_path):
    image = tf.image.decode_png(tf.io.read_file(image_path), channels=3)
    image = tf.image.resize(image, (IMAGE_SIZE, IMAGE_SIZE)) / 255.0
    mask = tf.image.decode_png(tf.io.read_file(mask_path), channels=1)
    mask = tf.cast(tf.image.resize(mask, (IMAGE_SIZE, IMAGE_SIZE), method="nearest") > 0, tf.float32)
    return image, mask


images = sorted(glob.glob("tiles/images/*.png"))
masks = sorted(glob.glob("tiles/masks/*.png"))
train_ds = tf.data.Dataset.from_tensor_slices((images, masks)).map(load_pair).batch(BATCH_SIZE)

backbone = keras_cv.models.ResNet50V2Backbone(input_shape=[IMAGE_SIZE, IMAGE_SIZE, 3])
model = keras_cv.models.segmentation.DeepLabV3Plus(
    num_classes=1,
    backbone=backbone,
)
model.compile(
    optimizer=keras.optimizers.Adam(1e-4),
    loss=keras.losses.BinaryCrossentropy(),
    metrics=["accuracy"],
)
model.fit(train_ds, epochs=20)
