# source: https://github.com/keras-team/keras/issues/12047
# mistake: a participant classifier on pre-extracted image features ends in Dense(1, activation='relu') and is compiled with categorical_crossentropy: one unit makes the loss constant, and a relu output is not a probability
# shape: literal; features and labels loaded with joblib, labels one-hot encoded after compile with to_categorical
# expect: KL103 line 25
# expect: KL106 line 25
from pathlib import Path

import joblib
from keras.layers import Dense, Dropout, Flatten
from keras.models import Sequential
from keras.utils import to_categorical
from sklearn.preprocessing import LabelEncoder

x_train = joblib.load("x_train.dat")
y_train = joblib.load("y_train.dat")
epochs = 50

model = Sequential()
model.add(Flatten(input_shape=x_train.shape[1:]))
model.add(Dense(512, activation="relu", name="fc1"))
model.add(Dropout(0.3))
model.add(Dense(512, activation="relu", name="fc2"))
model.add(Dropout(0.3))
model.add(Dense(1, activation="relu", name="prediction"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])

y_train = to_categorical(LabelEncoder().fit_transform(y_train))
history = model.fit(x_train, y_train, epochs=epochs, shuffle=True)
Path("model_structure.json").write_text(model.to_json())
