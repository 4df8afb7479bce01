# source: https://github.com/tensorflow/tensorflow/issues/31930
# mistake: none - the last Dense has no activation, but the sigmoid is applied next as a function (sigmoid(last_layer)), so BinaryCrossentropy(from_logits=False) receives probabilities
# shape: functional graph; activation applied as a function call on the last tensor, not as a layer argument
# expect: none
import numpy as np
from tensorflow.python.keras.layers import Input, Dense
from tensorflow.python.keras.activations import sigmoid
from tensorflow.python.keras.models import Model
from tensorflow.python.keras.losses import BinaryCrossentropy

x_train = np.array([[1000]])
y_train = [0]

inp = Input(x_train.shape[1])
previous_layer = Dense(4, activation='relu')(inp)
last_layer = Dense(1)(previous_layer)
last_layer = sigmoid(last_layer)

model = Model(inputs=inp, outputs=last_layer)
model.compile(optimizer='sgd', loss=BinaryCrossentropy(from_logits=False))
model.fit(x_train, np.array(y_train), epochs=1)
