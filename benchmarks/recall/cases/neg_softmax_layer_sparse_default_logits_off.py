# source: https://github.com/tensorflow/tensorflow/issues/32869
# mistake: none - a separate tf.keras.layers.Softmax() ends the model and sparse_categorical_crossentropy keeps from_logits=False: probabilities in, probabilities expected
# shape: separate Softmax layer; Dense(num_classes) logits followed by a Softmax layer, class count from np.unique on the labels
# expect: none
import numpy as np
import tensorflow as tf

x = np.random.normal(size=(1000, 20)).astype("float32")
y = np.random.randint(0, 5, size=(1000,))
num_classes = len(np.unique(y))

model = tf.keras.Sequential([
    tf.keras.layers.Dense(64, activation="relu", input_shape=(20,)),
    tf.keras.layers.Dense(num_classes),
    tf.keras.layers.Softmax(),
])
model.compile(optimizer="adam", loss=tf.keras.losses.sparse_categorical_crossentropy,
              metrics=["accuracy"])
model.fit(x, y, epochs=5, batch_size=32)
