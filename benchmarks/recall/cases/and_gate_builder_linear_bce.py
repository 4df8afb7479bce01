# source: https://stackoverflow.com/questions/64395424
# mistake: an AND gate learned by a model from build_model() whose last layer is Dense(1) without activation, compiled with BinaryCrossentropy() (from_logits=False): the linear output is clipped into [eps, 1 - eps] and the gradient vanishes outside it (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/64395424)
# shape: builder function; model built and compiled inside build_model(), truth table from itertools.product, input width from len(inputs[0])
# expect: KL106 line 19
import itertools

from tensorflow import keras
from tensorflow.keras import layers

inputs = [list(map(float, bits)) for bits in itertools.product((1, 0), repeat=2)]
targets = [[float(a and b)] for a, b in inputs]


def build_model():
    gate = keras.Sequential()
    gate.add(layers.Dense(len(inputs[0]), activation="relu"))
    gate.add(layers.Dense(128, activation="relu"))
    gate.add(layers.Dense(1))
    gate.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(), metrics=[keras.metrics.Accuracy()])
    return gate


gate = build_model()
gate.fit(inputs, targets, epochs=1000)
for row in inputs:
    print(row, gate.predict([row]))
