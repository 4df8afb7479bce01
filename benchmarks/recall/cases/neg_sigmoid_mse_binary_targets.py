# source: https://github.com/chen0040/pydl-hands-on/blob/d73e6e3282faec0ad2bd1e5d5f54204f2534a888/tests/keras/regression/simple-regression.py
# mistake: none - a sigmoid output regressed with mse on 0/1 targets: every target lies inside the sigmoid's range
# shape: separate Activation layer; sigmoid as its own layer after Dense(1), targets from np.random.randint(2)
# expect: none
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Activation

model = Sequential()
model.add(Dense(32, input_dim=500))
model.add(Activation(activation='sigmoid'))
model.add(Dense(1))
model.add(Activation(activation='sigmoid'))
model.compile(optimizer='rmsprop', loss='mse', metrics=['mean_squared_error'])

data = np.random.random((1000, 500))
labels = np.random.randint(2, size=(1000, 1))

score = model.evaluate(data, labels, verbose=0)
print("Before Training:", model.metrics_names, score)
model.fit(data, labels, epochs=10, batch_size=32, verbose=0)
score = model.evaluate(data, labels, verbose=0)
print("After Training:", model.metrics_names, score)
