# source: https://github.com/keras-team/keras/issues/4744
# mistake: a binary classifier whose final Dense layer was left without its sigmoid ('I learned this the hard way by forgetting to add a sigmoid activation function to my final Dense layer') trains for days with binary_crossentropy and predicts negative values
# shape: config dict; loss and layer sizes in a module-level dict, hidden layers added in a loop, final Dense(1) added after the loop
# expect: KL106 line 27
import numpy as np
from keras.layers import Dense, Dropout
from keras.models import Sequential

CONFIG = {
    "hidden_units": [512, 256, 128],
    "dropout": 0.3,
    "loss": "binary_crossentropy",
    "optimizer": "adam",
    "epochs": 40,
    "batch_size": 256,
}

features = np.load("click_features.npy")
clicked = np.load("click_labels.npy")

model = Sequential()
model.add(Dense(CONFIG["hidden_units"][0], activation="relu", input_dim=features.shape[1]))
for units in CONFIG["hidden_units"][1:]:
    model.add(Dropout(CONFIG["dropout"]))
    model.add(Dense(units, activation="relu"))
model.add(Dense(1))
model.compile(loss=CONFIG["loss"], optimizer=CONFIG["optimizer"])
model.fit(features, clicked, epochs=CONFIG["epochs"], batch_size=CONFIG["batch_size"], validation_split=0.1)
