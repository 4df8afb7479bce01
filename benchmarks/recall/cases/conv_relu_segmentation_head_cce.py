# source: https://github.com/keras-team/keras/issues/741
# mistake: an image-segmentation attempt (in a comment of this issue) ends the network with a Conv2D followed by Activation("relu") and compiles categorical_crossentropy without from_logits: the crossentropy reads the unbounded relu maps as probabilities and clips them; the mask loading is filled in
# shape: separate Activation layer; the only layer is a Conv2D followed by Activation("relu"), input shape read from X_train.shape[1:]
# expect: KL106 line 25
import glob

import numpy as np
from keras.layers import Activation, Conv2D
from keras.models import Sequential
from PIL import Image

image_paths = sorted(glob.glob("images/*.png"))
mask_paths = sorted(glob.glob("masks/*.png"))
X_train = np.stack([np.asarray(Image.open(p).resize((256, 256))) for p in image_paths]) / 255.0
masks = np.stack([np.asarray(Image.open(p).resize((256, 256))) for p in mask_paths])
Y_train = np.eye(32, dtype="float32")[masks]        # one-hot, 32 channels

x, y, z = X_train.shape[1:]

model = Sequential()
model.add(Conv2D(32, kernel_size=(3, 3), input_shape=(x, y, z), padding="same",
                 data_format="channels_last", kernel_initializer="ones",
                 bias_initializer="zeros"))
model.add(Activation("relu"))
model.compile(optimizer="sgd", loss="categorical_crossentropy")
model.fit(X_train, Y_train, epochs=10, batch_size=1)
