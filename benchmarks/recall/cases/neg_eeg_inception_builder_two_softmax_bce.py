# source: https://github.com/esantamariavazquez/EEG-Inception/issues/3
# mistake: none - the issue calls binary_crossentropy "wrong" for EEG-Inception, but the builder's default is n_classes=2 (target/non-target ERP), so the head is a 2-unit softmax trained on one-hot rows, where binary crossentropy equals categorical crossentropy, gradients included; the network is reduced to its first Inception block and the ERP data loading is filled in
# shape: builder function; EEGInception(..., n_classes=2) default used, compile inside the builder, labels to_categorical(y, 2)
# expect: none
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import (Activation, AveragePooling2D, BatchNormalization, Conv2D, Dense,
                                     DepthwiseConv2D, Dropout, Flatten, Input)


def temporal_branch(x, kernel_len, filters, act, rate):
    y = Conv2D(filters, (kernel_len, 1), padding="same", kernel_initializer="he_normal")(x)
    y = Activation(act)(BatchNormalization()(y))
    return Dropout(rate)(y)


def EEGInception(input_time=1000, fs=128, ncha=8, filters_per_branch=8, scales_time=(500, 250, 125),
                 dropout_rate=0.25, activation="elu", n_classes=2, learning_rate=0.001):
    n_samples = int(input_time * fs / 1000)
    eeg = Input((n_samples, ncha, 1))
    kernels = [int(ms * fs / 1000) for ms in scales_time]
    merged = keras.layers.concatenate(
        [temporal_branch(eeg, k, filters_per_branch, activation, dropout_rate) for k in kernels], axis=3)
    spatial = DepthwiseConv2D((1, ncha), use_bias=False, depth_multiplier=2)(merged)
    spatial = AveragePooling2D((4, 1))(Activation(activation)(spatial))
    head = Dense(n_classes, activation="softmax")(Flatten()(spatial))

    model = keras.models.Model(eeg, head)
    model.compile(loss="binary_crossentropy",
                  optimizer=keras.optimizers.Adam(learning_rate=learning_rate), metrics=["accuracy"])
    return model


epochs = np.load("erp_epochs.npy")[..., None]        # (n, 128, 8, 1)
is_target = np.load("erp_labels.npy")                # (n,) 0 = non-target, 1 = target
labels = keras.utils.to_categorical(is_target, 2)

model = EEGInception()
model.fit(epochs, labels, epochs=500, batch_size=1024, validation_split=0.2,
          callbacks=[keras.callbacks.EarlyStopping(patience=10, restore_best_weights=True)])
