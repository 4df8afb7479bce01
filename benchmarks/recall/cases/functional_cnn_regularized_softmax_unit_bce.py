# source: https://stackoverflow.com/questions/47704695
# mistake: a deep functional CNN for a two-class image problem ends in Dense(1, activation="softmax") with binary_crossentropy: every prediction is exactly 1.0, so accuracy sits at the share of positives whatever the regularisation tried
# shape: functional graph; the tensor is reassigned layer by layer (out = ...(out)), the head assigned to dense1 and passed to Model(inputs=inp, outputs=dense1) (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/47704695; its make_classification stand-in replaced by saved image and label arrays)
# expect: KL101 line 32
import numpy as np
from keras import Input, Model, regularizers
from keras.layers import Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.optimizers import Adam

images = np.load("patches.npy")
labels = np.load("patch_labels.npy")


def conv(filters, size):
    return Conv2D(filters, size, activation="relu", padding="same",
                  kernel_regularizer=regularizers.l2(0.01))


inp = Input(shape=(128, 128, 3))
out = conv(16, (5, 5))(inp)
out = MaxPooling2D(pool_size=(2, 2))(out)
out = Dropout(0.5)(out)
out = conv(32, (3, 3))(out)
out = MaxPooling2D(pool_size=(2, 2))(out)
out = conv(64, (3, 3))(out)
out = conv(64, (3, 3))(out)
out = MaxPooling2D(pool_size=(2, 2))(out)
out = conv(128, (3, 3))(out)
out = MaxPooling2D(pool_size=(2, 2))(out)
out = Flatten()(out)
out = Dropout(0.5)(out)
dense1 = Dense(1, activation="softmax")(out)
model = Model(inputs=inp, outputs=dense1)
model.compile(optimizer=Adam(), loss="binary_crossentropy", metrics=["acc"])
model.fit(images, labels, epochs=10, validation_split=0.1)
