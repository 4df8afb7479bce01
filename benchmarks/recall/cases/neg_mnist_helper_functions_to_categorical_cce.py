# source: https://stackoverflow.com/questions/58644645
# mistake: none - MNIST split into helper functions: load_dataset() one-hot encodes the labels with to_categorical and returns them, define_model() ends in Dense(10, softmax), compile() uses categorical_crossentropy; the question is about a reshape crash inside the helpers, not the loss (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s58644645_original.py)
# shape: user function returning (x, y); labels one-hot encoded inside load_dataset(), model built in define_model(), compiled in a helper
# expect: none
from keras import layers, models
from keras.datasets import mnist
from keras.utils import to_categorical


def load_dataset():
    (train_images, train_labels), (test_images, test_labels) = mnist.load_data()
    train_images = train_images.reshape((60000, 28 * 28)).astype("float32") / 255
    test_images = test_images.reshape((10000, 28 * 28)).astype("float32") / 255
    train_labels = to_categorical(train_labels)
    test_labels = to_categorical(test_labels)
    return (train_images, train_labels), (test_images, test_labels)


def define_model():
    network = models.Sequential()
    network.add(layers.Dense(512, activation="relu", input_shape=(28 * 28,)))
    network.add(layers.Dense(10, activation="softmax"))
    return network


def compile_network(network):
    network.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
    return network


def run():
    (train_images, train_labels), (test_images, test_labels) = load_dataset()
    network = compile_network(define_model())
    network.fit(train_images, train_labels, epochs=5, batch_size=128)


run()
