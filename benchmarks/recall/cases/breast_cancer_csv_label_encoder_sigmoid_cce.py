# source: https://github.com/keras-team/keras/issues/14729
# mistake: the Wisconsin breast-cancer CSV (diagnosis M/B) is label-encoded to 0/1 and trained on a single sigmoid unit with keras.losses.categorical_crossentropy: over one unit the categorical loss is constant (no gradient), and the targets are integer labels, never one-hot rows; the reporter asks why accuracy stays low
# shape: scikit-learn preprocessing of targets; LabelEncoder on a pandas column read with read_csv, StandardScaler on the features, loss given as the function object keras.losses.categorical_crossentropy
# expect: KL103 line 38
# expect: KL202 line 38
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder, StandardScaler
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.layers import Dropout, Flatten
from tensorflow.keras.models import Sequential

frame = pd.read_csv("data.csv", index_col=0)
frame = frame.drop("Unnamed: 32", axis=1)

features = frame.iloc[:, 1:].values
diagnosis = frame.iloc[:, 0].values

encoder = LabelEncoder()
diagnosis = encoder.fit_transform(diagnosis)

x_train, x_test, y_train, y_test = train_test_split(features, diagnosis, test_size=0.3, random_state=0)

scaler = StandardScaler()
x_train = scaler.fit_transform(x_train)
x_test = scaler.transform(x_test)

net = Sequential()
net.add(Flatten())
net.add(layers.Dense(16, activation="relu", kernel_initializer="uniform", input_dim=30))
net.add(Dropout(0.1))
net.add(layers.Dense(16, activation="relu", kernel_initializer="uniform"))
net.add(Dropout(0.1))
net.add(layers.Dense(1, activation="sigmoid", kernel_initializer="uniform"))

net.compile(optimizer=keras.optimizers.Adam(),
            loss=keras.losses.categorical_crossentropy,
            metrics=["accuracy"])

net.fit(x_train, y_train, batch_size=100, epochs=100)
print(net.evaluate(x_test, y_test))
