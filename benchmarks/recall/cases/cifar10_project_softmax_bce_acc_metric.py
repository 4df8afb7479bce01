# source: https://github.com/frlim/data2040_final/issues/1
# mistake: a course project trains CIFAR-10 with a 10-way softmax over one-hot labels but binary_crossentropy, and reports the "acc" metric; the issue points out that the loss treats the ten classes as independent binary problems and that the reported accuracy was too high
# shape: units from a module constant; NUM_CLASSES = 10 used by to_categorical and by a build_cnn(num_classes) helper, compile and fit in a train() function
# expect: KL102 line 38
import tensorflow as tf
from tensorflow.keras import layers, models
from tensorflow.keras.datasets import cifar10
from tensorflow.keras.utils import to_categorical

NUM_CLASSES = 10
EPOCHS = 30


def load():
    (x_train, y_train), (x_test, y_test) = cifar10.load_data()
    x_train, x_test = x_train / 255.0, x_test / 255.0
    return (x_train, to_categorical(y_train, NUM_CLASSES)), (x_test, to_categorical(y_test, NUM_CLASSES))


def build_cnn(num_classes):
    model = models.Sequential([
        layers.Conv2D(32, (3, 3), activation="relu", padding="same", input_shape=(32, 32, 3)),
        layers.BatchNormalization(),
        layers.MaxPooling2D((2, 2)),
        layers.Conv2D(64, (3, 3), activation="relu", padding="same"),
        layers.MaxPooling2D((2, 2)),
        layers.Flatten(),
        layers.Dense(256, activation="relu"),
        layers.Dropout(0.4),
        layers.Dense(num_classes, activation="softmax"),
    ])
    return model


def train():
    (x_train, y_train), (x_test, y_test) = load()
    model = build_cnn(NUM_CLASSES)
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="binary_crossentropy", metrics=["acc"])
    model.fit(x_train, y_train, epochs=EPOCHS, batch_size=128, validation_data=(x_test, y_test))
    return model


if __name__ == "__main__":
    train()
