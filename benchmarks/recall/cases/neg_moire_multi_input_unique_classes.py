# source: https://github.com/AmadeusITGroup/Moire-Pattern-Detection/blob/c183fe1725381183c21b98e1eb9484b94ef2c1a9/src/train.py
# mistake: none - four-input wavelet CNN: num_classes = len(np.unique(y_train)) (2), labels one-hot with to_categorical(y, num_classes), Dense(num_classes, softmax) built in createModel, categorical_crossentropy
# shape: units from len(list); width len(np.unique(y_train)) passed to a builder, multi-input functional model, one-hot labels from to_categorical
# expect: none
import numpy as np
from keras.layers import Input, Conv2D, MaxPooling2D, Dense, Dropout, Flatten, Maximum, Multiply
from keras.models import Model
from keras.utils import to_categorical


def create_model(height, width, depth, num_classes):
    inputs = [Input(shape=(height, width, depth)) for _ in range(4)]
    pooled = [MaxPooling2D(2)(Conv2D(32, 7, padding="same", activation="relu")(inp)) for inp in inputs]
    merged = Multiply()([pooled[0], Maximum()(pooled[1:])])
    x = Conv2D(16, 3, padding="same", activation="relu")(merged)
    x = MaxPooling2D(4)(x)
    x = Dropout(0.25)(x)
    x = Flatten()(x)
    x = Dense(32, activation="relu")(x)
    x = Dropout(0.5)(x)
    out = Dense(num_classes, activation="softmax")(x)
    return Model(inputs=inputs, outputs=out)


bands = [np.load(f"band_{name}.npy") for name in ("LL", "LH", "HL", "HH")]
y_train = np.load("moire_labels.npy")
num_train, height, width, depth = bands[0].shape
num_classes = len(np.unique(y_train))
Y_train = to_categorical(y_train, num_classes)
model = create_model(height, width, depth, num_classes)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(bands, Y_train, batch_size=32, epochs=20, validation_split=0.1)
