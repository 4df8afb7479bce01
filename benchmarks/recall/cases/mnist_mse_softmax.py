# source: https://example-a.com/answer/66908204
# mistake: MNIST softmax classifier trained with mean_squared_error instead of crossentropy
# shape: literal; literal
# expect: KL108 line 19
from keras.datasets import mnist
from keras import models, layers
from keras.utils import to_categorical

(train_images, train_labels), (test_images, test_labels) = mnist.load_data()
train_images = train_images.reshape((60000, 28 * 28)).astype("float32") / 255
test_images = test_images.reshape((10000, 28 * 28)).astype("float32") / 255
train_labels = to_categorical(train_labels)
test_labels = to_categorical(test_labels)

network = models.Sequential()
network.add(layers.Dense(512, activation="relu", input_shape=(28 * 28,)))
network.add(layers.Dense(10, activation="softmax"))
network.compile(optimizer="rmsprop",
                loss="mean_squared_error",
                metrics=["accuracy"])
network.fit(train_images, train_labels, epochs=5, batch_size=128)
print(network.evaluate(test_images, test_labels))
