# source: https://stackoverflow.com/questions/65777704
# mistake: none - the output and loss agree (10-way softmax, categorical_crossentropy on to_categorical CIFAR-10 labels); the question is about the stack of sigmoid hidden layers that trains slowly (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/65777704)
# shape: keras.datasets; cifar10.load_data, to_categorical without a class count, hidden layers unpacked into the Sequential list from a list comprehension
# expect: none
from tensorflow import keras

(images, labels), _ = keras.datasets.cifar10.load_data()
images = keras.utils.normalize(images)
labels = keras.utils.to_categorical(labels)

hidden = [keras.layers.Dense(width, activation="sigmoid") for width in (8, 16, 32, 64, 128)]
net = keras.Sequential([keras.layers.Flatten(), *hidden, keras.layers.Dense(10, activation="softmax")])
net.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
net.fit(images, labels, epochs=1000, batch_size=500)
