# source: https://github.com/keras-team/keras/issues/9038
# mistake: none - a binary classifier on 1440 columns whose hidden widths are computed from X.shape[1] (input_dims, input_dims // 2, input_dims // 4) ends in Dense(1, activation="sigmoid") with binary_crossentropy; the nan loss the reporter sees comes from the data, not from the loss/output pairing
# shape: builder function; widths from X.shape[1] inside a function that takes the training frame, activation name held in a variable
# expect: none
import numpy as np
import pandas as pd
from keras.layers import Activation, BatchNormalization, Dense, Dropout
from keras.models import Sequential


def build_model(train_data):
    X = train_data
    input_dims = X.shape[1]
    act_func = "relu"
    model = Sequential()
    model.add(Dense(input_dims, input_dim=input_dims))
    model.add(BatchNormalization())
    model.add(Activation("tanh"))
    model.add(Dropout(0.3))
    model.add(Dense(input_dims))
    model.add(BatchNormalization())
    model.add(Activation(act_func))
    model.add(Dropout(0.3))
    model.add(Dense(input_dims // 2))
    model.add(BatchNormalization())
    model.add(Activation(act_func))
    model.add(Dropout(0.3))
    model.add(Dense(input_dims // 4, activation=act_func))
    model.add(Dense(1, activation="sigmoid"))
    model.compile(loss="binary_crossentropy", optimizer="adam")
    return model


frame = pd.read_csv("train.csv")
train_data = frame.drop(columns=["target"]).values.astype(np.float32)
target = frame["target"].values
model = build_model(train_data)
model.fit(train_data, target, epochs=20, batch_size=64, validation_split=0.2)
