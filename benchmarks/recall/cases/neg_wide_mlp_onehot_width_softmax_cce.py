# source: https://stackoverflow.com/questions/44164749
# mistake: none in the loss or output; the head's width is y_train.shape[1] of to_categorical labels, a softmax with categorical_crossentropy (the question's trouble was elsewhere: a 5000-unit layer and a batch of 2000)
# shape: units from y.shape[1]; labels one-hot encoded with to_categorical before train_test_split, input_dim from X_train.shape[1] (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/44164749; its make_classification stand-in replaced by saved arrays)
# expect: none
import numpy as np
from keras.layers import Dense, Dropout
from keras.models import Sequential
from keras.optimizers import SGD
from keras.utils import to_categorical
from sklearn.model_selection import train_test_split

X = np.load("descriptors.npy")
y = to_categorical(np.load("descriptor_labels.npy"))
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.1, random_state=42)

model = Sequential()
model.add(Dense(5000, activation="relu", input_dim=X_train.shape[1]))
model.add(Dropout(0.1))
model.add(Dense(600, activation="relu"))
model.add(Dropout(0.1))
model.add(Dense(y_train.shape[1], activation="softmax"))
sgd = SGD(learning_rate=0.01, momentum=0.9, nesterov=True)
model.compile(loss="categorical_crossentropy", optimizer=sgd, metrics=["accuracy"])
model.fit(X_train, y_train, epochs=5, batch_size=2000)
score = model.evaluate(X_test, y_test, batch_size=2000)
