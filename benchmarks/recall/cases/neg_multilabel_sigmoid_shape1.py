# source: https://codehunter.cc/a/python/how-does-keras-handle-multilabel-classification
# mistake: none - multi-label: one sigmoid unit per label, binary_crossentropy, width from y_train.shape[1]
# shape: units from y.shape[1]; units from y_train.shape[1], input_dim from X_train.shape[1]
# expect: none
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Dropout
from tensorflow.keras.optimizers import SGD

X_train = np.load("tfidf_train.npy")
y_train = np.load("tags_train.npy")      # (n, n_tags) 0/1 multi-hot
X_test = np.load("tfidf_test.npy")

model = Sequential()
model.add(Dense(5000, activation="relu", input_dim=X_train.shape[1]))
model.add(Dropout(0.1))
model.add(Dense(600, activation="relu"))
model.add(Dropout(0.1))
model.add(Dense(y_train.shape[1], activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer=SGD(learning_rate=0.01, momentum=0.9, nesterov=True))
model.fit(X_train, y_train, epochs=5, batch_size=2000)
preds = model.predict(X_test)
preds = (preds >= 0.5).astype(int)
