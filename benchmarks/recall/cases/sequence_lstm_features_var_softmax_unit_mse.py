# source: https://stackoverflow.com/questions/68938619
# mistake: an LSTM binary classifier over ten time steps ends in Dense(1, activation="softmax") trained with mse: the prediction is 1.0 for every sample, so the printed accuracy is the share of positives
# shape: literal; input shape from a `features` variable and X_train.shape[2], the model bound to the name `Model` (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/68938619; its make_classification stand-in replaced by saved arrays)
# expect: KL101 line 18
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import normalize
from tensorflow import keras

features = 10
X = normalize(np.load("signals.npy")).reshape(-1, features, 1)
y = np.load("signal_labels.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.1, random_state=42)

Model = keras.Sequential([
    keras.layers.LSTM(80, input_shape=(features, X_train.shape[2]),
                      activation="sigmoid", recurrent_activation="hard_sigmoid"),
    keras.layers.Dense(1, activation="softmax"),
])
Model.compile(optimizer="rmsprop", loss="mse", metrics=["accuracy"])
Model.fit(X_train, y_train, epochs=10, batch_size=32)
scores = Model.evaluate(X_test, y_test, verbose=0)
print("Accuracy: %.2f%%" % (scores[1] * 100))
