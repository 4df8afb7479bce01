# source: https://github.com/keras-team/keras/issues/4784
# mistake: tab-separated table with 106 features and a 0/1 label: the stack ends in Dense(1, activation='relu') trained with binary_crossentropy, so loss and accuracy never change across 100 epochs (a maintainer answers: use a sigmoid output for 0/1 targets)
# shape: numpy column slice; X = dataset[:, 0:106], Y = dataset[:, 106] from numpy.loadtxt
# expect: KL106 line 22
import numpy
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import SGD

dataset = numpy.loadtxt("Train.txt", delimiter="\t")
X = dataset[:, 0:106]
Y = dataset[:, 106]

model = Sequential()
model.add(Dense(64, input_dim=106, kernel_initializer="uniform", activation="relu"))
model.add(Dense(32, kernel_initializer="uniform", activation="tanh"))
model.add(Dense(12, kernel_initializer="uniform", activation="relu"))
model.add(Dense(8, kernel_initializer="uniform", activation="sigmoid"))
model.add(Dense(1, kernel_initializer="uniform", activation="relu"))

optimizer = SGD(learning_rate=0.0001, momentum=0.4)
model.compile(loss="binary_crossentropy", optimizer=optimizer, metrics=["accuracy"])
model.fit(X, Y, epochs=100, batch_size=300, verbose=1)

scores = model.evaluate(X, Y, verbose=0)
print("%s: %.2f%%" % (model.metrics_names[1], scores[1] * 100))
with open("model.json", "w") as json_file:
    json_file.write(model.to_json())
