# source: https://stackoverflow.com/questions/62440336
# mistake: a 1D-conv/LSTM model on raw audio ends in Dense(1, activation='softmax') (constant 1.0) and is compiled with BinaryCrossentropy(from_logits=True) on top of that activation
# shape: literal; keras.Sequential list with a tf.keras loss object, regression-style targets
# expect: KL101 line 19
# expect: KL105 line 23
import tensorflow as tf
import keras
import numpy as np

X = np.load("clips_30s_44k.npy").reshape(-1, 1323000, 1)
y = np.load("clip_scores.npy")

model = keras.Sequential([
    keras.layers.Conv1D(filters=100, kernel_size=10000, strides=5000, input_shape=(1323000, 1), activation='relu'),
    keras.layers.Conv1D(filters=100, kernel_size=10, strides=3, activation='relu'),
    keras.layers.LSTM(1000),
    keras.layers.Dense(500, activation='relu'),
    keras.layers.Dense(250, activation='relu'),
    keras.layers.Dense(1, activation='softmax')
])

model.compile(optimizer='adam',
              loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
              metrics=['accuracy'])
model.fit(X, y, epochs=1000)
