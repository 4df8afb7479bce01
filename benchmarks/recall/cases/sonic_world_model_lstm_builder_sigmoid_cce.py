# source: https://github.com/CamilleChiquet/Sonic-World-Models-Keras/blob/552a3ffa334de14c7c507b59f9f0d50ec6fd5f55/models/LSTM.py
# mistake: the world model's first LSTM predicts the next 128-d latent vector through Dense(units=128, activation='sigmoid') and is compiled with categorical_crossentropy: the loss renormalises the 128 independent sigmoids as one distribution (the next commits switch the loss to mean_squared_error)
# shape: builder function; getLSTMModel(input_shape) builds and compiles the model in models/LSTM.py, the training script (train_LSTM.py at the same commit, joined here) loads the latent images and actions with np.load and leaves the builder call commented out
# expect: KL107 line 13
import numpy as np
from keras import Sequential
from keras.layers import LSTM, Dense


def getLSTMModel(input_shape):
    model = Sequential()
    model.add(LSTM(units=128, input_shape=input_shape, activation="relu"))
    model.add(Dense(units=128, activation="sigmoid"))
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    return model


input_shape = (224, 320, 3)
epochs = 10

actions = np.load("data/actions/GreenHillZone.Act1.LSTM_test.npy")
latent_images = np.load("data/latent_images/GreenHillZone.Act1.LSTM_test.npy")
data = np.append(latent_images, actions, axis=1)
print(np.shape(data))
# model = getLSTMModel(input_shape=input_shape)
