# source: https://stackoverflow.com/questions/64395424
# mistake: an AND gate learned by a model from build_model() whose last layer is Dense(1) without activation, compiled with BinaryCrossentropy() (from_logits=False): the linear output is clipped into [eps, 1 - eps] and the gradient vanishes outside it (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/64395424)
# shape: builder function; model built and compiled inside build_model(), input width from len(data[0])
# expect: KL106 line 17
from tensorflow import keras
from tensorflow.keras import layers, models

data = [[1.0, 1.0], [1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]
results = [[1.0], [0.0], [0.0], [0.0]]


def build_model():
    model = models.Sequential()
    model.add(layers.Dense(len(data[0]), activation="relu"))
    model.add(layers.Dense(128, activation="relu"))
    model.add(layers.Dense(1))
    model.compile(loss=keras.losses.BinaryCrossentropy(), metrics=[keras.metrics.Accuracy()], optimizer="adam")
    return model


model = build_model()
model.fit(data, results, epochs=1000)
model.summary()
for sample in data:
    print(sample, model.predict([sample]))
