# source: https://github.com/christianversloot/machine-learning-articles/blob/main/how-to-use-hinge-squared-hinge-loss-with-keras.md
# mistake: none - make_circles labels mapped to -1/1, tanh output with hinge
# shape: scikit-learn generator; scikit-learn generator, labels rewritten element-wise
# expect: none
import numpy as np
from sklearn.datasets import make_circles
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

num_samples_total = 1000
training_split = 250
X, targets = make_circles(n_samples=num_samples_total, factor=0.1)
targets[np.where(targets == 0)] = -1
X_training = X[training_split:, :]
Targets_training = targets[training_split:]

model = Sequential()
model.add(Dense(4, input_shape=(2,), activation="relu", kernel_initializer="he_uniform"))
model.add(Dense(2, activation="relu", kernel_initializer="he_uniform"))
model.add(Dense(1, activation="tanh"))
model.compile(loss="hinge", optimizer="adam", metrics=["accuracy"])
model.fit(X_training, Targets_training, epochs=30, batch_size=5, validation_split=0.2)
