# source: https://stackoverflow.com/questions/68101077
# mistake: the Fashion-MNIST tutorial model is copied with its last layer Dense(10) (logits, no activation) but compiled with loss="sparse_categorical_crossentropy", which expects probabilities: the logits are clipped into [1e-7, 1 - 1e-7] and the loss stays high
# shape: keras.datasets; fashion_mnist load_data imported as a bare load_data, class_names list, Sequential from a list under `from tensorflow import keras` (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/68101077)
# expect: KL106 line 20
from tensorflow import keras
from tensorflow.keras.datasets.fashion_mnist import load_data

(train_images, train_labels), (test_images, test_labels) = load_data()
class_names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
train_images = train_images / 255.0
test_images = test_images / 255.0

model = keras.Sequential([
    keras.layers.Flatten(input_shape=(28, 28)),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(10),
])
model.compile(optimizer="adam",
              loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
model.fit(train_images, train_labels, epochs=10)
