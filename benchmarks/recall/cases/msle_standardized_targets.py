# source: http://appassets.softecksblog.in/theory_of_machines/assets/tm5/3.htm
# mistake: regression targets are standardised with StandardScaler (half negative) and then trained with mean_squared_logarithmic_error
# shape: scikit-learn preprocessing of targets; StandardScaler on y.reshape, column slice [:, 0], train/test slices
# expect: KL110 line 22
from sklearn.datasets import make_regression
from sklearn.preprocessing import StandardScaler
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import SGD

X, y = make_regression(n_samples=1000, n_features=20, noise=0.1, random_state=1)
X = StandardScaler().fit_transform(X)
y = StandardScaler().fit_transform(y.reshape(len(y), 1))[:, 0]
n_train = 500
trainX, testX = X[:n_train, :], X[n_train:, :]
trainy, testy = y[:n_train], y[n_train:]

model = Sequential()
model.add(Dense(25, input_dim=20, activation="relu", kernel_initializer="he_uniform"))
model.add(Dense(1, activation="linear"))
opt = SGD(learning_rate=0.01, momentum=0.9)
model.compile(loss="mean_squared_logarithmic_error", optimizer=opt, metrics=["mse"])
history = model.fit(trainX, trainy, validation_data=(testX, testy), epochs=100, verbose=0)
