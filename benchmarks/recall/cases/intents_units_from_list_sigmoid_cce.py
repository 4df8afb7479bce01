# source: https://stackoverflow.com/questions/64784096
# mistake: chatbot intents: the layer widths come from a list nn = [2, 4, 6, 8, 12, 10, 8, 2] and the last layer is Dense(nn[7], activation='sigmoid') (two units) compiled with keras.losses.categorical_crossentropy inside model(); two sigmoids are not a class distribution whatever the targets (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s64784096_original.py)
# shape: units from a module-level variable; widths indexed from a module-level list, model built, compiled and fitted inside a function called at the end
# expect: KL107 line 34
import json
import numpy as np
from tensorflow import keras as kr

nn = [2, 4, 6, 8, 12, 10, 8, 2]
labels = []
docs_y = []

with open("intents.json") as handle:
    data = json.load(handle)

for intent in data["intents"]:
    if intent["tag"] not in labels:
        labels.append(intent["tag"])
    docs_y.append(intent["patterns"])

training_data = np.ones(np.shape(docs_y))
target_data = np.ones(np.shape(labels))


def model():
    init_lr = 1e-3
    net = kr.Sequential()
    net.add(kr.layers.Dense(nn[1], activation="relu"))
    net.add(kr.layers.Dense(nn[2], activation="relu"))
    net.add(kr.layers.Dense(nn[3], activation="relu"))
    net.add(kr.layers.Dense(nn[4], activation="relu"))
    net.add(kr.layers.Dense(nn[5], activation="relu"))
    net.add(kr.layers.Dense(nn[6], activation="relu"))
    net.add(kr.layers.Dense(nn[7], activation="sigmoid"))
    net.compile(loss=kr.losses.categorical_crossentropy,
                optimizer=kr.optimizers.Adagrad(learning_rate=init_lr),
                metrics=["accuracy"])
    net.fit(training_data, target_data, epochs=100)


model()
