# source: https://github.com/keras-team/keras/issues/1839
# mistake: none - multi-label image tagging on Inception pool3 features: the text labels go through MultiLabelBinarizer (238 tags), the output is Dense(238 tags, activation="sigmoid") with binary_crossentropy, the right pairing when several tags can be on at once
# shape: units from y.shape[1]; pickled features and tag lists, mlb.fit_transform targets, units from mlbtarget.shape[1]
# expect: none
import pickle

import numpy as np
from keras.layers import Dense
from keras.models import Sequential
from sklearn.preprocessing import MultiLabelBinarizer

data = np.array(pickle.load(open("data.p", "rb")))           # (1001, 2048) pool3 features
target = pickle.load(open("target.p", "rb"))                  # list of tag lists
mlb = MultiLabelBinarizer()
mlbtarget = mlb.fit_transform(target)

testdata = data[2:4]
testtarget = mlbtarget[2:4]

model = Sequential()
model.add(Dense(2048, input_dim=data.shape[1], kernel_initializer="uniform", activation="tanh"))
model.add(Dense(mlbtarget.shape[1], kernel_initializer="uniform", activation="sigmoid"))
model.compile(optimizer="adadelta", loss="binary_crossentropy")

model.fit(data, mlbtarget, epochs=20, batch_size=32)
objective_score = model.evaluate(testdata, testtarget, batch_size=1)
print(objective_score)
