# source: https://github.com/ardendertat/Applied-Deep-Learning-with-Keras/blob/fe47ff314c78798c1642f7d64d56dcb4a98a617c/notebooks/Part%201%20-%20Artificial%20Neural%20Networks.ipynb
# mistake: a three-arm spiral dataset has labels 0, 1 and 2 (one class per arm), but the model is a single Dense(1, activation='sigmoid') trained with binary_crossentropy, which treats every label above 1 as an impossible probability (the notebook shows it failing before switching to a 3-unit softmax)
# shape: targets filled in a loop; y = np.zeros(N * K) in a dataset helper, then y[ix] = j for j in range(K), helper called with K=3 and returning (X, y)
# expect: KL205 line 31
import matplotlib.pyplot as plt
import numpy as np
from keras.layers import Dense
from keras.models import Sequential


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
    plt.scatter(X[:, 0], X[:, 1], c=y, s=40, cmap=plt.cm.RdYlBu)
    return X, y


X, y = spiral_arms(arms=3)

model = Sequential()
model.add(Dense(1, input_shape=(2,), activation="sigmoid"))

model.compile("adam", "binary_crossentropy", metrics=["accuracy"])

history = model.fit(X, y, verbose=0, epochs=20)
