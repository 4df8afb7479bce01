# source: https://stackoverflow.com/questions/34311586
# mistake: an XOR network (two sigmoid hidden layers) ends in Dense(1, activation='softmax') trained with mean_squared_error: the output is 1.0 for every input pair, so predict returns 1 for [1, 0] and for [0, 0] alike
# shape: literal; inputs and targets written out with numpy.array, SGD with decay held in a variable, layers from keras.layers.core (read through the original snippet in mehilshah/Bug_Reproducibility_DL_Bugs, Bugs/017)
# expect: KL101 line 16
import numpy
from keras.layers.core import Dense
from keras.models import Sequential
from keras.optimizers import SGD

X = numpy.array([[1.0, 1.0], [0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]])
y = numpy.array([[0.0], [0.0], [1.0], [1.0], [0.0], [0.0]])

model = Sequential()
model.add(Dense(2, input_dim=2, activation="sigmoid"))
model.add(Dense(3, activation="sigmoid"))
model.add(Dense(1, activation="softmax"))
sgd = SGD(learning_rate=0.001, momentum=0.9, nesterov=True)
model.compile(loss="mean_squared_error", optimizer=sgd)
model.fit(X, y, epochs=20)
print(model.evaluate(X, y))
print(model.predict(numpy.array([[1, 0]])))
print(model.predict(numpy.array([[0, 0]])))
