# source: https://github.com/keras-team/keras/issues/7749
# mistake: switching a working categorical_crossentropy model to sparse_categorical_crossentropy "as a drop-in replacement" while the targets stay one-hot rows ([1, 0]); the sparse loss wants one class index per sample
# shape: literal one-hot targets; targets written as an np.array of one-hot rows, Dense(2) + Activation('softmax')
# expect: KL201 line 12
import numpy as np
from keras.layers import Activation, Dense
from keras.models import Sequential

model = Sequential()
model.add(Dense(2, input_shape=(None, 2)))
model.add(Activation("softmax"))
model.compile(loss="sparse_categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])

inp = np.array([[[2, 3]]])
out = np.array([[[1, 0]]])
model.fit(inp, out)
print(model.predict(inp).shape == out.shape)
