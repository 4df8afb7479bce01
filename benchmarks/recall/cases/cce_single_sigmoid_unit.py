# source: https://github.com/keras-team/keras/issues/17029
# mistake: binary classifier with one sigmoid unit compiled with categorical_crossentropy: loss is 0 and nothing is learned
# shape: literal; literal
# expect: KL103 line 15
import numpy as np
import tensorflow as tf

x = np.random.rand(1000, 8).astype("float32")
y = (x.sum(axis=1) > 4.0).astype("float32")

model = tf.keras.Sequential([
    tf.keras.layers.Dense(16, activation="relu", input_shape=(8,)),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=5)
