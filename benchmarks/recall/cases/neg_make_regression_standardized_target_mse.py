# source: https://github.com/enuguru/artificial_intelligence_and_machine_learning/blob/60c15cf7c6ebc45e2257ba32fb0abd28966e16e8/advanced_deep_learning/chapter_06/03_mlp_standardized_target.py
# mistake: none - a make_regression target standardised with StandardScaler (half of it negative) regressed by a linear Dense(1) output with mean_squared_error: negative targets are fine for mse
# shape: scikit-learn preprocessing of targets; StandardScaler fitted on the reshaped trainy and applied to both halves
# expect: none
from sklearn.datasets import make_regression
from sklearn.preprocessing import StandardScaler
from keras.layers import Dense
from keras.models import Sequential
from keras.optimizers import SGD

X, y = make_regression(n_samples=1000, n_features=20, noise=0.1, random_state=1)
n_train = 500
trainX, testX = X[:n_train, :], X[n_train:, :]
trainy, testy = y[:n_train], y[n_train:]
trainy = trainy.reshape(len(trainy), 1)
testy = testy.reshape(len(testy), 1)

scaler = StandardScaler()
scaler.fit(trainy)
trainy = scaler.transform(trainy)
testy = scaler.transform(testy)

model = Sequential()
model.add(Dense(25, input_dim=20, activation="relu", kernel_initializer="he_uniform"))
model.add(Dense(1, activation="linear"))
model.compile(loss="mean_squared_error", optimizer=SGD(learning_rate=0.01, momentum=0.9))
history = model.fit(trainX, trainy, validation_data=(testX, testy), epochs=100, verbose=0)
print(model.evaluate(trainX, trainy, verbose=0), model.evaluate(testX, testy, verbose=0))
