# source: https://github.com/tjzhaomengyi/AIBook-PythonDeepLearningNotebook/blob/4e2730302b06b02eee2d94201bbd959f96698040/chpt7/build_model/5_use_sub_model_class.py
# mistake: none - the Classifier head picks 1 sigmoid unit when num_classes == 2 and num_classes softmax units otherwise; it is built with num_classes=10 (10-way softmax), and the 10 sparse labels train it with sparse_categorical_crossentropy
# shape: constructor argument; units and activation chosen in an if/else on a constructor parameter, subclassed layer used inside a functional model
# expect: none
import numpy as np
import keras
from keras import layers


class Classifier(keras.Model):
    def __init__(self, num_classes=2):
        super().__init__()
        if num_classes == 2:
            num_units = 1
            activation = "sigmoid"
        else:
            num_units = num_classes
            activation = "softmax"
        self.dense = layers.Dense(num_units, activation=activation)

    def call(self, inputs):
        return self.dense(inputs)


inputs = keras.Input(shape=(3,))
features = layers.Dense(64, activation="relu")(inputs)
outputs = Classifier(num_classes=10)(features)
model = keras.Model(inputs=inputs, outputs=outputs)
print(model.summary())

x = np.random.random((1000, 3))
y = np.random.randint(0, 10, size=(1000,))
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=3, batch_size=64)
