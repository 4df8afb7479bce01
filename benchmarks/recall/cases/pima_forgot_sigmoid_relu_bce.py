# source: https://github.com/ATPstealer/eve_parser/commits/master/neural_network/scripts/test.py
# mistake: an early version of this script follows the Pima-diabetes tutorial, but its comment about the sigmoid output layer is left without the layer: the model ends in Dense(8, activation='relu') and is compiled with binary_crossentropy on a 0/1 column, so predictions outside [0, 1] are clipped and get no gradient
# shape: numpy column slice; features and the class column sliced from np.loadtxt, relu last layer with a probability loss
# expect: KL106 line 19
import numpy as np
from keras.layers import Dense
from keras.models import Sequential

dataset = np.loadtxt("data.txt", delimiter=",")
X = dataset[:, 0:8]
Y = dataset[:, 8]

model = Sequential()
# twelve neurons on the eight input features, relu
model.add(Dense(12, input_dim=8, activation="relu"))
# second layer with eight neurons
model.add(Dense(8, activation="relu"))
# the output of a binary classifier is usually a sigmoid
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

model.fit(X, Y, epochs=15, batch_size=10, verbose=2)
predictions = model.predict(X)
print(np.round(predictions[:10]))
