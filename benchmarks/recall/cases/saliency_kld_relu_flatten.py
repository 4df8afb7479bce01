# source: https://github.com/keras-team/keras/issues/9754
# mistake: saliency map regressed with 'kld' after the final softmax was removed: the output is a flattened relu map, not a distribution, and the loss goes negative
# shape: convolution head + Flatten; convolution head followed by Flatten, pretrained base via layers[-2]
# expect: KL109 line 16/21
from keras.applications import VGG16
from keras.layers import MaxPool2D, Conv2D, Flatten
from keras.models import Model
from keras.optimizers import Adam
import numpy as np

base_model = VGG16(input_shape=(360, 480, 3), weights="imagenet", include_top=False)
x = base_model.layers[-2].output
x = MaxPool2D(pool_size=(2, 2), padding="same", strides=(1, 1))(x)
x = Conv2D(32, (7, 7), activation="relu", padding="same")(x)
x = Conv2D(8, (7, 7), activation="relu", padding="same")(x)
x = Conv2D(1, (7, 7), activation="relu", padding="same")(x)
prediction = Flatten(name="flatten")(x)
model = Model(inputs=base_model.input, outputs=prediction)

adam = Adam(learning_rate=1e-5)
model.compile(optimizer=adam, loss="kld", metrics=["accuracy"])
images = np.load("images.npy")
maps = np.load("saliency_flat.npy")
model.fit(images, maps, batch_size=4, epochs=10)
