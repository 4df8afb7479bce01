# source: https://github.com/keras-team/keras/issues/9939
# mistake: five-grade classifier (one grade per sample, one-hot targets) uses a sigmoid output with categorical_crossentropy; the model predicts class 0 for everything
# shape: units from y.shape[1]; one-hot targets from to_categorical on a DataFrame column, width y_train.shape[1]
# expect: KL107 line 24
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense, Dropout
from keras import optimizers
from keras.utils import to_categorical
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler

frame = pd.read_csv("students.csv")
x_vals = MinMaxScaler().fit_transform(frame.drop(columns=["grade"]).values)
y_vals = to_categorical(frame["grade"].values)
x_vals_train, x_vals_test, y_train, y_test = train_test_split(x_vals, y_vals, test_size=0.2)

model = Sequential()
model.add(Dense(units=14, activation="relu", input_shape=(x_vals.shape[1],)))
model.add(Dropout(0.5))
model.add(Dense(units=14, activation="relu"))
model.add(Dropout(0.5))
model.add(Dense(units=14, activation="relu"))
model.add(Dense(units=y_train.shape[1], activation="sigmoid"))
sgd = optimizers.SGD(learning_rate=0.01, momentum=0.001, nesterov=True)
model.compile(optimizer=sgd, loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_vals_train, y_train, validation_data=(x_vals_test, y_test), epochs=10, verbose=0)
