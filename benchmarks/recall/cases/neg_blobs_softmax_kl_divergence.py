# source: https://machinelearningmastery.com/how-to-choose-loss-functions-when-training-deep-learning-neural-networks/
# mistake: none - the tutorial's multi-class example trained with kullback_leibler_divergence: make_blobs labels one-hot encoded with to_categorical and a 3-unit softmax output
# shape: scikit-learn generator; make_blobs with centers=3, to_categorical without a class count, Dense(3, 'softmax')
# expect: none
from keras.layers import Dense
from keras.models import Sequential
from keras.optimizers import SGD
from keras.utils import to_categorical
from sklearn.datasets import make_blobs

X, y = make_blobs(n_samples=1000, centers=3, n_features=2, cluster_std=2, random_state=2)
y = to_categorical(y)
n_train = 500
trainX, testX = X[:n_train, :], X[n_train:, :]
trainy, testy = y[:n_train], y[n_train:]

model = Sequential()
model.add(Dense(50, input_dim=2, activation="relu", kernel_initializer="he_uniform"))
model.add(Dense(3, activation="softmax"))
opt = SGD(learning_rate=0.01, momentum=0.9)
model.compile(loss="kullback_leibler_divergence", optimizer=opt, metrics=["accuracy"])
history = model.fit(trainX, trainy, validation_data=(testX, testy), epochs=100, verbose=0)
_, train_acc = model.evaluate(trainX, trainy, verbose=0)
_, test_acc = model.evaluate(testX, testy, verbose=0)
print("Train: %.3f, Test: %.3f" % (train_acc, test_acc))
