# source: https://github.com/flamearrow/ml/blob/dad426510d3c8148f44a41ece1aa58acaf77c145/kerastoy/toys/custom_model.py
# mistake: none - a keras.Model subclass taking num_classes returns the raw Dense(num_classes) output, compiled with CategoricalCrossentropy(from_logits=True) on ten-column target rows (the guide's random targets)
# shape: subclassed model; MyModel(num_classes=10) with the layers built in __init__ and the head width from the constructor argument, call() returns logits
# expect: none
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers


class MyModel(tf.keras.Model):

    def __init__(self, num_classes=10):
        super().__init__(name="my_model")
        self.num_classes = num_classes
        self.dense_1 = layers.Dense(32, activation="relu")
        self.dense_2 = layers.Dense(num_classes)

    def call(self, inputs):
        x = self.dense_1(inputs)
        return self.dense_2(x)


model = MyModel(num_classes=10)

model.compile(optimizer=tf.keras.optimizers.RMSprop(0.001),
              loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])

data = np.random.random((1000, 32))
labels = np.random.random((1000, 10))
model.fit(data, labels, batch_size=32, epochs=5)
