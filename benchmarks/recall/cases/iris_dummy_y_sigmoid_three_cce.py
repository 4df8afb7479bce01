# source: https://github.com/agungdwiprasetyo/deep-learning/blob/52a6162164bcfe363d8a39494278901cf1a5fc9e/code-example/data_preparation/one_hot_encoding.py
# mistake: the iris one-hot encoding example with its output switched to Dense(3, activation='sigmoid') while keeping categorical_crossentropy on the one-hot dummy_y: three independent sigmoids are not a distribution over the three species
# shape: scikit-learn preprocessing of targets; LabelEncoder then to_categorical on a CSV column (dummy_y)
# expect: KL107 line 28
import numpy
import pandas
from keras.models import Sequential
from keras.layers import Dense
from keras.utils import to_categorical
from sklearn.preprocessing import LabelEncoder

seed = 7
numpy.random.seed(seed)

dataframe = pandas.read_csv("../data/iris.csv", header=None)
dataset = dataframe.values
X = dataset[:, 0:4].astype(float)
Y = dataset[:, 4]

# class names -> integers -> one-hot rows
encoder = LabelEncoder()
encoder.fit(Y)
encoded_Y = encoder.transform(Y)
dummy_y = to_categorical(encoded_Y)

model = Sequential()
model.add(Dense(12, input_dim=4, kernel_initializer="normal", activation="relu"))
model.add(Dense(3, kernel_initializer="normal", activation="sigmoid"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, dummy_y, validation_split=0.33, epochs=100, batch_size=10)
