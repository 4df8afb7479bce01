# source: https://stackoverflow.com/questions/41596619
# mistake: labels 0, 1, 2 and 3 (written out in a numpy array) trained with binary_crossentropy on a single sigmoid unit, then argmax over that one column
# shape: literal; integer labels in a literal numpy array, one sigmoid output
# expect: KL205 line 20
import keras.optimizers
from keras.models import Sequential
from keras.layers import Dense
import numpy

seed = 7
numpy.random.seed(seed)
X = numpy.array([[0.5, 1, 1], [0.9, 1, 2], [0.8, 0, 1], [0.3, 1, 1], [0.6, 1, 2], [0.4, 0, 1],
                 [0.9, 1, 7], [0.5, 1, 4], [0.1, 0, 1], [0.6, 1, 0], [1, 0, 0]])
y = numpy.array([[1], [1], [1], [2], [2], [2], [3], [3], [3], [0], [0]])

model = Sequential()
model.add(Dense(3, input_dim=3, kernel_initializer='uniform', activation='relu'))
model.add(Dense(1, kernel_initializer='uniform', activation='sigmoid'))
opt = keras.optimizers.SGD(learning_rate=0.001)
model.compile(loss='binary_crossentropy', optimizer=opt, metrics=['accuracy'])
model.fit(X, y, epochs=150)
predictions = model.predict(X)
predictions_class = predictions.argmax(axis=-1)
print(predictions_class)
