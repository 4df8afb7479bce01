# source: https://stackoverflow.com/questions/52210472
# mistake: a 21-feature classifier ends in Dense(1, activation=tf.nn.softmax) and is compiled with categorical_crossentropy; the single softmax unit is 1.0 for every input, which is the constant prediction the reporter asks about (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s52210472_original.py)
# shape: literal; activation given as the function object tf.nn.softmax, not a string
# expect: KL101 line 12
# expect: KL103 line 15
import numpy as np
import tensorflow as tf

model = tf.keras.models.Sequential([
    tf.keras.layers.Dense(40, input_shape=(21,), activation=tf.nn.relu),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(1, activation=tf.nn.softmax),
])
model.compile(optimizer="adam",
              loss="categorical_crossentropy",
              metrics=["accuracy"])

sample = np.array([[0.1, 0.1, 0.1, 0.1, 0.1, 0.5, 0.1, 0.0, 0.1, 0.6, 0.1,
                    0.1, 0.0, 0.0, 0.0, 0.1, 0.0, 0.0, 0.1, 0.0, 0.0]])
print(model.predict(sample))
