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

frame = datasets.load_iris(as_frame=True).frame
features = frame.drop(columns="target")
species = LabelEncoder().fit_transform(frame["target"])
targets = pd.get_dummies(species).values
x_train, x_test, t_train, t_test = train_test_split(features, targets, test_size=0.3)

net = Sequential([Dense(1000, activation="tanh", input_shape=(frame.shape[1] - 1,))])
for width in (500, 250, 125, 64, 32, 9):
    net.add(Dense(width, activation="tanh"))
net.add(Dense(targets.shape[1], activation="softmax"))
net.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
net.fit(x_train, t_train)
print(net.evaluate(x_test, t_test, verbose=0))
