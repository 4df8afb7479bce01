# source: https://stackoverflow.com/questions/59416289
# mistake: a small CNN for two classes ends in Dense(2, activation='relu') and is trained with categorical_crossentropy: a relu output is not a probability distribution, so the loss clips it and gives no gradient where it is most wrong (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s59416289_original.py; the arrays, not shown, are filled in with np.load)
# shape: literal; relu Dense(2) head, data from np.load
# expect: KL106 line 22
import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, Activation, Dropout, BatchNormalization, Flatten, Dense

Xtrain = np.load("xtrain.npy")
Ytrain = np.load("ytrain.npy")  # one-hot, two columns
Xtest = np.load("xtest.npy")
Ytest = np.load("ytest.npy")

model = Sequential()
model.add(Conv2D(32, (3, 3), input_shape=Xtrain.shape[1:], padding="same"))
model.add(Activation("relu"))
model.add(Dropout(0.2))
model.add(BatchNormalization())
model.add(Flatten())
model.add(Dense(2, activation="relu"))

model.compile("adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(Xtrain, Ytrain, validation_data=(Xtest, Ytest))
