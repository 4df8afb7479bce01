# source: https://stackoverflow.com/questions/65777704
# mistake: none - the output and loss agree (10-way softmax, categorical_crossentropy on to_categorical CIFAR-10 labels); the question is about the stack of sigmoid hidden layers that trains slowly (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/65777704)
# shape: keras.datasets; cifar10.load_data, to_categorical without a class count, hidden widths from a tuple
# expect: none
from tensorflow.keras import Sequential
from tensorflow.keras.datasets.cifar10 import load_data
from tensorflow.keras.layers import Dense, Flatten
from tensorflow.keras.utils import normalize, to_categorical

(x_train, y_train), (_, _) = load_data()
x_train = normalize(x_train)
y_train = to_categorical(y_train)

model = Sequential()
model.add(Flatten())
for units in (8, 16, 32, 64, 128):
    model.add(Dense(units=units, activation="sigmoid"))
model.add(Dense(units=10, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1000, batch_size=500)
