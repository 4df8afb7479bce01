# source: https://stackoverflow.com/questions/53749895
# mistake: none; the answer's fix of the three-target regression: a linear Dense(3) output with mean_squared_error
# shape: literal; `import keras` with keras.Sequential / keras.layers (data as in the mistaken twin)
# expect: none
import keras
import numpy as np

pixels = np.load("galaxy_pixels.npy")
answers = np.load("galaxy_answers.npy")

model = keras.Sequential()
model.add(keras.layers.Dense(32, input_shape=(424 * 424,)))
model.add(keras.layers.Activation("relu"))
model.add(keras.layers.Dense(3))
model.compile(loss="mean_squared_error", optimizer=keras.optimizers.SGD(learning_rate=0.01))
model.fit(pixels, answers, epochs=20, batch_size=32, validation_split=0.2)
