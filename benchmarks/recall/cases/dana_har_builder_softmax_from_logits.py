# source: https://github.com/mmalekzadeh/dana/issues/1
# mistake: activity-recognition builder ends in Dense(out_shape, activation='softmax'), but the model is compiled with CategoricalCrossentropy(from_logits=True) (the issue names from_logits=True on the softmax output; the loss class is filled in)
# shape: builder parameter; functional builder function, output width passed as num_classes = len(np.unique(y)) at the call site
# expect: KL105 line 49
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import Input, Conv2D, Reshape, LSTM, Dropout, Dense


def Ordonez2016DeepOriginal(inp_shape, out_shape):
    nb_filters = 64
    drp_out_dns = .5
    nb_dense = 128

    inp = Input(inp_shape)
    x = Conv2D(nb_filters, kernel_size=(5, 1), strides=(1, 1),
               padding='valid', activation='relu')(inp)
    x = Conv2D(nb_filters, kernel_size=(5, 1), strides=(1, 1),
               padding='valid', activation='relu')(x)
    x = Conv2D(nb_filters, kernel_size=(5, 1), strides=(1, 1),
               padding='valid', activation='relu')(x)
    x = Conv2D(nb_filters, kernel_size=(5, 1), strides=(1, 1),
               padding='valid', activation='relu')(x)
    x = Reshape((x.shape[1], x.shape[2] * x.shape[3]))(x)
    act = LSTM(nb_dense, return_sequences=True, activation='tanh', name="lstm_1")(x)
    act = Dropout(drp_out_dns, name="dot_1")(act)
    act = LSTM(nb_dense, activation='tanh', name="lstm_2")(act)
    act = Dropout(drp_out_dns, name="dot_2")(act)
    out_act = Dense(out_shape, activation='softmax', name="act_smx")(act)

    model = keras.models.Model(inputs=inp, outputs=out_act)
    return model


X_train = np.load("har_X_train.npy")   # (n, 128, 3, 1) accelerometer windows
y_train = np.load("har_y_train.npy")   # activity ids 0..5
X_test = np.load("har_X_test.npy")
y_test = np.load("har_y_test.npy")

num_classes = len(np.unique(y_train))
Y_train = keras.utils.to_categorical(y_train, num_classes)
Y_test = keras.utils.to_categorical(y_test, num_classes)

model = Ordonez2016DeepOriginal(X_train.shape[1:], num_classes)
model.summary()

model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-3),
    loss=keras.losses.CategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
model.fit(X_train, Y_train, batch_size=64, epochs=50,
          validation_data=(X_test, Y_test))
