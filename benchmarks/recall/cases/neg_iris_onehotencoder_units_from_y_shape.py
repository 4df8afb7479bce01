# source: https://github.com/keras-team/keras/issues/508
# mistake: none - iris targets are one-hot encoded with OneHotEncoder, the output is Dense(y.shape[1], activation="softmax") (3 units) with categorical_crossentropy; the report was about convergence, the loss/output/target pairing is right (rewritten from the Keras 0.x Dense(input, output) API)
# shape: units from y.shape[1]; OneHotEncoder(...).fit_transform(y[:, np.newaxis]).toarray(), hidden widths literal, SGD object
# expect: none
import numpy as np
from keras.layers import Dense, Dropout
from keras.models import Sequential
from keras.optimizers import SGD
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder

iris = load_iris()
X, y = iris.data, iris.target
enc = OneHotEncoder()
y = enc.fit_transform(y[:, np.newaxis]).toarray()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.20, random_state=42)
print(X.shape, y.shape)

model = Sequential()
model.add(Dense(10, input_dim=X.shape[1], kernel_initializer="uniform", activation="tanh"))
model.add(Dropout(0.5))
model.add(Dense(10, kernel_initializer="uniform", activation="tanh"))
model.add(Dropout(0.5))
model.add(Dense(y.shape[1], kernel_initializer="uniform", activation="softmax"))

sgd = SGD(learning_rate=0.1, momentum=0.9, nesterov=True)
model.compile(loss="categorical_crossentropy", optimizer=sgd)
model.fit(X_train, y_train, epochs=100, batch_size=16, validation_data=(X_test, y_test))
