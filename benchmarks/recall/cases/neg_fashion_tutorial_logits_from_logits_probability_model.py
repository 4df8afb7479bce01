# source: https://stackoverflow.com/questions/68101077
# mistake: none; the tutorial as written: Dense(10) logits trained with SparseCategoricalCrossentropy(from_logits=True), a Softmax layer added only after training to read probabilities
# shape: keras.datasets; fashion_mnist load_data imported as a bare load_data, the loss object built in the compile call, Sequential([model, Softmax()]) for prediction
# expect: none
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras.datasets.fashion_mnist import load_data

(train_images, train_labels), (test_images, test_labels) = load_data()
train_images = train_images / 255.0
test_images = test_images / 255.0

model = keras.Sequential([
    keras.layers.Flatten(input_shape=(28, 28)),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(10),
])
model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(train_images, train_labels, epochs=10)

probability_model = keras.Sequential([model, keras.layers.Softmax()])
predictions = probability_model.predict(test_images)
print(predictions[0].argmax(), test_labels[0])
