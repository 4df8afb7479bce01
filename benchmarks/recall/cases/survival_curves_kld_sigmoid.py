# source: https://github.com/keras-team/keras/issues/6183
# mistake: 40 survival probabilities per patient regressed with loss='kld' on a 40-unit sigmoid output: the output is not a distribution, so KL divergence is meaningless (the reporter sees a negative loss)
# shape: literal; input_dim from a variable, 40-unit sigmoid, loss alias 'kld'
# expect: KL109 line 20
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Dropout
from keras.optimizers import SGD

X = np.loadtxt("expression_87_genes.csv", delimiter=",")       # (1088, 87)
Y = np.loadtxt("survival_curves_40.csv", delimiter=",")        # (1088, 40), P(alive) every 6 months
input_dim = X.shape[1]
X_new = np.loadtxt("expression_new.csv", delimiter=",")

model = Sequential()
model.add(Dense(64, activation='relu', input_dim=input_dim))
model.add(Dropout(0.5))
model.add(Dense(64, activation='relu'))
model.add(Dropout(0.5))
model.add(Dense(40, activation='sigmoid'))

sgd = SGD(learning_rate=0.01, momentum=0.9, nesterov=True)
model.compile(loss='kld', optimizer=sgd, metrics=['accuracy'])
model.fit(X, Y, validation_split=0.33, epochs=200, batch_size=64)
curves = model.predict(X_new)
