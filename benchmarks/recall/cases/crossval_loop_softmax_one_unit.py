# source: https://stats.stackexchange.com/revisions/2bda6552-783b-4fb7-ba2b-a03d2266e69b/view-source
# mistake: the model rebuilt in every cross-validation fold ends in a 1-unit softmax, so it predicts 1 for every case
# shape: model built in a loop; model built inside a for loop over folds (Sequential list)
# expect: KL101 line 21
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

rng = np.random.RandomState(123)
X = rng.randint(0, 2, size=(100, 3)).astype(bool)
y = np.sum(X, axis=1) > 1
n_cases = X.shape[0]
n_folds = 10
folds = np.repeat(range(n_folds), int(np.ceil(n_cases / n_folds)))[:n_cases]
rng.shuffle(folds)

y_pred = np.zeros_like(y)
for fold_i in range(n_folds):
    model = Sequential([
        Dense(10, activation="relu"),
        Dense(1, activation="softmax"),
    ])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy")
    model.fit(X[folds != fold_i], y[folds != fold_i], epochs=300, verbose=False)
    y_pred[folds == fold_i] = model.predict(X[folds == fold_i])[:, 0] > 0.5
print(np.mean(y_pred == y))
