# source: https://stackoverflow.com/questions/53749895
# mistake: a regression of three continuous targets from flattened 424x424 galaxy images ends in Dense(3, activation='softmax') with mean_squared_error: the softmax forces the three predictions to sum to 1 and saturates, so the squared error barely moves
# shape: literal; `import keras` with keras.Sequential / keras.layers / keras.optimizers.SGD held in a variable, input size written as 424 * 424 (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/53749895; its make_regression stand-in replaced by saved arrays)
# expect: KL108 line 16
import keras
import numpy as np

pixels = np.load("galaxy_pixels.npy")
answers = np.load("galaxy_answers.npy")

model = keras.Sequential()
sgd = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True)
model.add(keras.layers.Dense(32, input_shape=(424 * 424,)))
model.add(keras.layers.Activation("relu"))
model.add(keras.layers.Dense(3, activation="softmax"))
model.compile(loss="mean_squared_error", optimizer=sgd)
model.fit(pixels, answers, epochs=20, batch_size=32, validation_split=0.2)
