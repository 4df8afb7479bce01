# source: https://github.com/keras-team/keras/issues/11441
# mistake: a model meant to predict China's population from the year ends in Dense(1, activation="softmax") and is compiled with sparse_categorical_crossentropy: the single softmax unit is always 1.0, and a categorical loss on one unit gives no gradient (the populations are then read as class ids, which fails at run time)
# shape: pandas column; inputs and targets taken from filtered DataFrame columns with np.array, model list-built in a Sequential
# expect: KL101 line 20
# expect: KL103 line 22
import numpy as np
import pandas as pd
from keras.layers import Dense
from keras.models import Sequential
from keras.optimizers import Adam

countries = pd.read_csv("countries.csv")
rows = countries[countries["country"] == "China"].sort_values("year")
years = np.array(rows["year"], dtype="float32")
population = np.array(rows["population"])

model = Sequential([
    Dense(10, input_shape=(1,), activation="relu"),
    Dense(32, activation="relu"),
    Dense(1, activation="softmax"),
])
model.compile(Adam(learning_rate=1e-4), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(years, population, batch_size=10, epochs=20)
print(model.predict(np.array([[2030.0]])))
