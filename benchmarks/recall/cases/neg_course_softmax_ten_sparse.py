# source: https://github.com/Mubaio1/machinelearning/blob/8b78e1f2c5221deadc914e697f6f5250886fb223/softmax.py
# mistake: none - a course exercise: 25-15-10 network with a 10-way softmax output and SparseCategoricalCrossentropy() (probabilities, default from_logits=False) on integer digit labels
# shape: literal; loss object with default arguments, Sequential of Dense layers with units= keywords; the file leaves X, Y undefined, so a digits array from scikit-learn's load_digits is filled in
# expect: none
from sklearn.datasets import load_digits
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense
from tensorflow.keras.losses import SparseCategoricalCrossentropy

X, Y = load_digits(return_X_y=True)

model = Sequential([
    Dense(units=25, activation="relu"),
    Dense(units=15, activation="relu"),
    Dense(units=10, activation="softmax"),
])

model.compile(loss=SparseCategoricalCrossentropy())
model.fit(X, Y, epochs=100)
