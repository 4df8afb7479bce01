# source: https://github.com/keras-team/keras-io/pull/10
# mistake: the Oxford-IIIT pets segmentation example ends its 3-class per-pixel head in sigmoid while training with sparse_categorical_crossentropy; the PR replaces it with softmax since each pixel has exactly one class
# shape: convolution head; Conv2D(num_classes, 3) head in a get_model(img_size, num_classes) builder, residual blocks added in loops, targets from a keras.utils.Sequence
# expect: KL107 line 47
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.image import load_img

img_size = (160, 160)
num_classes = 3
batch_size = 32


class OxfordPets(keras.utils.Sequence):
    def __init__(self, batch_size, img_size, input_img_paths, target_img_paths):
        self.batch_size = batch_size
        self.img_size = img_size
        self.input_img_paths = input_img_paths
        self.target_img_paths = target_img_paths

    def __len__(self):
        return len(self.target_img_paths) // self.batch_size

    def __getitem__(self, idx):
        i = idx * self.batch_size
        x = np.zeros((self.batch_size,) + self.img_size + (3,), dtype="float32")
        y = np.zeros((self.batch_size,) + self.img_size + (1,), dtype="uint8")
        for j in range(self.batch_size):
            x[j] = load_img(self.input_img_paths[i + j], target_size=self.img_size)
            mask = load_img(self.target_img_paths[i + j], target_size=self.img_size, color_mode="grayscale")
            y[j] = np.expand_dims(mask, 2) - 1
        return x, y


def get_model(img_size, num_classes):
    inputs = keras.Input(shape=img_size + (3,))
    x = layers.Conv2D(32, 3, strides=2, padding="same")(inputs)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    for filters in [64, 128, 256]:
        x = layers.SeparableConv2D(filters, 3, padding="same", activation="relu")(x)
        x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
    for filters in [256, 128, 64, 32]:
        x = layers.Conv2DTranspose(filters, 3, padding="same", activation="relu")(x)
        x = layers.UpSampling2D(2)(x)
    outputs = layers.Conv2D(num_classes, 3, activation="sigmoid", padding="same")(x)
    return keras.Model(inputs, outputs)


input_paths = sorted(open("inputs.txt").read().split())
target_paths = sorted(open("targets.txt").read().split())
train_gen = OxfordPets(batch_size, img_size, input_paths, target_paths)
model = get_model(img_size, num_classes)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
model.fit(train_gen, epochs=15)
