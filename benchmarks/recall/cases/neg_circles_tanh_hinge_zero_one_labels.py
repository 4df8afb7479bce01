# source: https://github.com/k-rt-k/Style-It/blob/4e3cad298cc637489400eb7858980356ae44b575/Week0/loss_hinge.py
# mistake: none - two-circles classification with a Dense(1, activation='tanh') output and loss='hinge' on make_circles' 0/1 labels; Keras converts 0/1 labels to -1/1 for hinge, and tanh can go negative
# shape: scikit-learn generator; make_circles labels sliced into train/test halves
# expect: none
from sklearn.datasets import make_circles
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import SGD
from matplotlib import pyplot

X, y = make_circles(n_samples=5000, noise=0.1, random_state=1)
n_train = 2500
trainX, testX = X[:n_train, :], X[n_train:, :]
trainy, testy = y[:n_train], y[n_train:]

model = Sequential()
model.add(Dense(50, input_dim=2, activation="relu", kernel_initializer="he_uniform"))
model.add(Dense(1, activation="tanh"))
opt = SGD(learning_rate=0.01, momentum=0.9)
model.compile(loss="hinge", optimizer=opt, metrics=["accuracy"])
history = model.fit(trainX, trainy, validation_data=(testX, testy), epochs=50, verbose=0)

pyplot.title("Hinge Loss")
pyplot.plot(history.history["loss"], label="train")
pyplot.plot(history.history["val_loss"], label="test")
pyplot.legend()
pyplot.show()
