# source: https://stats.stackexchange.com/revisions/2bda6552-783b-4fb7-ba2b-a03d2266e69b/view-source
# mistake: none - the corrected version from the same post: sigmoid output with binary_crossentropy inside the fold loop
# shape: model built in a loop; model built inside a for loop over folds
# expect: none
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

rng = np.random.RandomState(123)
X = rng.randint(0, 2, size=(100, 3)).astype(bool)
y = np.sum(X, axis=1) > 1
folds = rng.randint(0, 10, size=X.shape[0])

y_pred = np.zeros_like(y)
for fold_i in range(10):
    model = Sequential([Dense(10, activation="relu"), Dense(1, activation="sigmoid")])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy")
    model.fit(X[folds != fold_i], y[folds != fold_i], epochs=300, verbose=False)
    y_pred[folds == fold_i] = model.predict(X[folds == fold_i])[:, 0] > 0.5
print(np.mean(y_pred == y))
