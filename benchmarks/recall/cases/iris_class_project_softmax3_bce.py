# source: https://github.com/test99500/Python/blob/17f55b475896f594d2c0ec241e7d1361019f4547/Deep_learning_class_2021/Project1/Iris.py
# mistake: three iris species on a 3-unit softmax trained with keras.losses.BinaryCrossentropy() (and BinaryAccuracy): the classes are treated as independent yes/no outputs
# shape: scikit-learn generator; load_iris().target split with train_test_split, loss and metric passed as objects, keras.Input first layer
# expect: KL102 line 25
import keras
from keras.models import Sequential
from keras.layers import Dense
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
import matplotlib.pyplot as plt

iris = load_iris()
iris_data = iris.data
X_train, X_test, y_train, y_test = train_test_split(iris_data, iris.target, test_size=0.2)

model = Sequential()
model.add(keras.Input(shape=(4, )))
model.add(Dense(units=128, activation="relu"))
model.add(Dense(units=64, activation="relu"))
model.add(Dense(units=3, activation="softmax"))

print(model.summary())

model.compile(optimizer=keras.optimizers.SGD(),
              loss=keras.losses.BinaryCrossentropy(),
              metrics=[keras.metrics.BinaryAccuracy()])
history = model.fit(X_train, y_train, epochs=100, validation_data=(X_test, y_test))
plt.plot(history.history["loss"])
