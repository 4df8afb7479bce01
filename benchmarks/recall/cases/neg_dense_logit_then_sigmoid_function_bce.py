# source: https://github.com/tensorflow/tensorflow/issues/31930
# mistake: none - the second architecture: Dense(1) followed by the sigmoid applied as a function (keras.activations.sigmoid on the tensor), compiled with BinaryCrossentropy(from_logits=False); the output is a probability, so the loss is the right one (the issue is only about how Keras computes it internally)
# shape: activation as a function; activation applied as a function object to the Dense output in a functional model, loss object with an explicit from_logits=False, literal training data
# expect: none
import numpy as np
from tensorflow.keras.activations import sigmoid
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.losses import BinaryCrossentropy
from tensorflow.keras.models import Model

x_train = np.array([[1000.0], [-3.0], [0.5], [12.0]])
y_train = np.array([0, 0, 1, 1])

inp = Input(shape=(x_train.shape[1],))
hidden = Dense(8, activation="relu")(inp)
score = Dense(1)(hidden)
out = sigmoid(score)

model = Model(inputs=inp, outputs=out)
model.compile(optimizer="adam", loss=BinaryCrossentropy(from_logits=False))
model.fit(x_train, y_train, epochs=3, verbose=0)
print(model.evaluate(x_train, y_train, verbose=0))
