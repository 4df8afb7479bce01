# source: https://muratkarakaya.net/2022/11/how-to-solve-multi-class-classification.html
# mistake: another of the tutorial's MNIST combinations: a softmax last layer trained with SparseCategoricalCrossentropy(from_logits=True); the loss applies softmax a second time, so even a perfect prediction keeps a large loss and the gradients are flattened
# shape: config dict; the activation and the from_logits flag come from an EXPERIMENT dict read by the builder and by the loss, tf.data pipeline from tfds.load(as_supervised=True)
# expect: KL105 line 35
import tensorflow as tf
import tensorflow_datasets as tfds
from tensorflow import keras
from tensorflow.keras import layers

EXPERIMENT = {
    "name": "softmax_sparse_logits",
    "last_activation": "softmax",
    "from_logits": True,
    "epochs": 5,
}

(ds_train, ds_test), info = tfds.load("mnist", split=["train[:10%]", "test[:10%]"],
                                      as_supervised=True, with_info=True)
num_classes = info.features["label"].num_classes


def build(config):
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        layers.Rescaling(1.0 / 255),
        layers.Conv2D(32, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(num_classes, activation=config["last_activation"]),
    ])


model = build(EXPERIMENT)
model.compile(optimizer="adam",
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=EXPERIMENT["from_logits"]),
              metrics=["accuracy"])
model.fit(ds_train.batch(64), validation_data=ds_test.batch(64), epochs=EXPERIMENT["epochs"])
