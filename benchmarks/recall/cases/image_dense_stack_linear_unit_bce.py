# source: https://stackoverflow.com/questions/56437157
# mistake: a first network on 50x50x3 images stacks Dense layers without activations and ends in Dense(units=1) (linear) while training with binary_crossentropy on 0/1 labels; without a sigmoid (or from_logits=True) the loss clips the raw scores (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s56437157_original.py)
# shape: literal; linear Dense(units=1) output, labels from np.random.randint(2, ...)
# expect: KL106 line 18
import numpy as np
from keras.models import Sequential
from keras.layers import Dense

x_train = np.random.random((30, 50, 50, 3))
y_train = np.random.randint(2, size=(30, 1))

model = Sequential()
# first hidden layer also declares the input shape
model.add(Dense(units=4, input_shape=(50, 50, 3)))
model.add(Dense(units=4))
model.add(Dense(units=1))  # output

model.compile(loss="binary_crossentropy",
              optimizer="adam",
              metrics=["accuracy"])
model.fit(x_train, y_train, epochs=20, batch_size=128)
