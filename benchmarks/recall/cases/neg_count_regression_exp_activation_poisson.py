# source: https://github.com/gokceneraslan/neuralnet_countmodels/issues/1
# mistake: none - the setup the question describes for counting objects: a Dense(1) output with the exponential as its activation (keras.backend.exp) trained with the poisson loss on integer counts, so the predicted rate is always positive
# shape: activation object; the output activation is the backend function K.exp passed as an object, counts from a CSV column
# expect: none
import numpy as np
import pandas as pd
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers

frame = pd.read_csv("object_counts.csv")
features = frame.drop(columns=["count"]).to_numpy(dtype="float32")
counts = frame["count"].to_numpy(dtype="float32")

model = keras.Sequential([
    keras.Input(shape=(features.shape[1],)),
    layers.Dense(64, activation="relu"),
    layers.Dense(32, activation="relu"),
    layers.Dense(1, activation=K.exp),
])
model.compile(optimizer="adam", loss="poisson")
model.fit(features, counts, epochs=50, batch_size=32, validation_split=0.1)

rate = model.predict(features[:5])
mode = np.floor(rate)
