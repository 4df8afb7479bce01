# source: https://stackoverflow.com/questions/61234347
# mistake: none - loss and output agree: iris labels label-encoded then one-hot with pd.get_dummies, Dense(y.shape[1], activation='softmax') and categorical_crossentropy (the question is about the deep tanh stack, not the loss; read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/61234347)
# shape: units from y.shape[1]; pandas get_dummies on LabelEncoder output, input width from df.shape[1] - 1
# expect: none
import pandas as pd
from keras import Sequential
from keras.layers import Dense
from sklearn import datasets
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

samples = datasets.load_iris()
df = pd.DataFrame(data=samples.data, columns=samples.feature_names)
df["Target"] = samples.target
X = df[df.columns[:-1]]
y = df[df.columns[-1]]
encoder = LabelEncoder()
y1 = encoder.fit_transform(y)
y = pd.get_dummies(y1).values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3)

model = Sequential()
model.add(Dense(1000, activation="tanh", input_shape=((df.shape[1] - 1),)))
for width in (500, 250, 125, 64, 32, 9):
    model.add(Dense(width, activation="tanh"))
model.add(Dense(y.shape[1], activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train)
score, acc = model.evaluate(X_test, y_test, verbose=0)
print(score, acc)
