# source: https://github.com/ardendertat/Applied-Deep-Learning-with-Keras/blob/fe47ff314c78798c1642f7d64d56dcb4a98a617c/notebooks/Part%201%20-%20Artificial%20Neural%20Networks.ipynb
# mistake: none - the notebook's fix for the three-arm spiral: Dense(3, activation='softmax') with categorical_crossentropy on to_categorical(y)
# shape: targets filled in a loop; y = np.zeros(N * K) in a dataset helper, then y[ix] = j for j in range(K), helper called with K=3 and returning (X, y), one-hot encoded with to_categorical
# expect: none
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
from keras.utils import to_categorical


def spiral_arms(points_per_arm=500, dims=2, arms=3):
    """Points on `arms` interleaved spirals; the label is the arm's index."""
    np.random.seed(0)
    X = np.zeros((points_per_arm * arms, dims))
    y = np.zeros(points_per_arm * arms)
    for arm in range(arms):
        rows = range(points_per_arm * arm, points_per_arm * (arm + 1))
        radius = np.linspace(0.0, 1, points_per_arm)
        theta = np.linspace(arm * 4, (arm + 1) * 4, points_per_arm) + np.random.randn(points_per_arm) * 0.2
        X[rows] = np.c_[radius * np.sin(theta), radius * np.cos(theta)]
        y[rows] = arm
    return X, y


X, y = spiral_arms(arms=3)

model = Sequential()
model.add(Dense(64, input_shape=(2,), activation="tanh"))
model.add(Dense(3, activation="softmax"))

model.compile("adam", "categorical_crossentropy", metrics=["accuracy"])

y_cat = to_categorical(y)
history = model.fit(X, y_cat, verbose=0, epochs=20)
