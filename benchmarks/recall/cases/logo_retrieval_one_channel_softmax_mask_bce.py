# source: https://github.com/AyanKumarBhunia/Deep-One-Shot-Logo-Retrieval/issues/7
# mistake: a re-implementation of the one-shot logo segmentation network follows the paper's "softmax" for the final layer, but the output is a single-channel mask of shape (H, W, 1) trained with binary crossentropy: a softmax over one channel is 1.0 at every pixel (the author: "You need to use sigmoid instead of softmax ... the output tensor dimension will be Batch_Size, H, W, 1"); the encoders are reduced to a few convolutions
# shape: convolution head; two-input functional model, query embedding tiled over the target feature map, Conv2D(1, (1, 1), activation="softmax") after upsampling
# expect: KL101 line 34
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.models import Model

TARGET_SIZE = 256
QUERY_SIZE = 64


def encoder(x, widths, prefix):
    for i, width in enumerate(widths):
        x = layers.Conv2D(width, 3, padding="same", activation="relu", name=f"{prefix}_conv{i}")(x)
        x = layers.MaxPooling2D(name=f"{prefix}_pool{i}")(x)
    return x


query_in = layers.Input((QUERY_SIZE, QUERY_SIZE, 3), name="query")
target_in = layers.Input((TARGET_SIZE, TARGET_SIZE, 3), name="target")

q = encoder(query_in, (64, 128, 256, 512), "q")
q = layers.GlobalAveragePooling2D()(q)
t = encoder(target_in, (64, 128, 256, 512), "t")

side = TARGET_SIZE // 16
q_tiled = layers.RepeatVector(side * side)(q)
q_tiled = layers.Reshape((side, side, 512))(q_tiled)
x = layers.Concatenate()([t, q_tiled])
for width in (256, 128, 64, 32):
    x = layers.Conv2DTranspose(width, 3, strides=2, padding="same", activation="relu")(x)
mask = layers.Conv2D(1, (1, 1), activation="softmax", name="mask")(x)

model = Model([query_in, target_in], mask)
model.compile(optimizer=tf.keras.optimizers.Adam(1e-4),
              loss=tf.keras.losses.binary_crossentropy,
              metrics=["accuracy"])

triplets = np.load("flickr32_triplets.npz")
model.fit([triplets["query"], triplets["target"]], triplets["mask"][..., None],
          batch_size=16, epochs=20, validation_split=0.1)
