# source: https://github.com/tensorflow/tensorflow/issues/42131
# mistake: the Fashion-MNIST classifier compiles with loss="spare_categorical_crossentropy", a misspelling no Keras accepts, so fit stops with "Could not interpret loss identifier" (answer: "it should be sparse_categorical_crossentropy"); the tutorial model around the compile call is filled in
# shape: keras.datasets; fashion_mnist.load_data, class names list, basic Flatten/Dense tutorial model
# expect: KL301 line 23/24
import tensorflow as tf
from tensorflow import keras

fashion_mnist = keras.datasets.fashion_mnist
(train_images, train_labels), (test_images, test_labels) = fashion_mnist.load_data()

class_names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

train_images = train_images / 255.0
test_images = test_images / 255.0

model = keras.Sequential([
    keras.layers.Flatten(input_shape=(28, 28)),
    keras.layers.Dense(128, activation=tf.nn.relu),
    keras.layers.Dense(len(class_names), activation=tf.nn.softmax),
])

model.compile(optimizer="adam",
              loss="spare_categorical_crossentropy",
              metrics=["accuracy"])

model.fit(train_images, train_labels, epochs=10)
test_loss, test_acc = model.evaluate(test_images, test_labels)
print("Test accuracy:", test_acc)
