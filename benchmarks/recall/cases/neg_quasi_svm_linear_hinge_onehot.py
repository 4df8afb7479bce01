# source: https://github.com/keras-team/keras-io/blob/8320a6c0a63cd6debe960689c182cee491193fa9/examples/keras_recipes/quasi_svm.py
# mistake: none - the quasi-SVM recipe: RandomFourierFeatures followed by a linear Dense(units=10), trained with keras.losses.hinge on one-hot 0/1 MNIST targets; hinge converts 0/1 labels to -1/1 itself and the linear output can go negative
# shape: library model; a kernel-approximation layer before a linear head, hinge given as the function object, one-hot targets from keras.utils.to_categorical
# expect: none
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.layers.experimental import RandomFourierFeatures

model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        RandomFourierFeatures(output_dim=4096, scale=10.0, kernel_initializer="gaussian"),
        layers.Dense(units=10),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-3),
    loss=keras.losses.hinge,
    metrics=[keras.metrics.CategoricalAccuracy(name="acc")],
)

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.reshape(-1, 784).astype("float32") / 255
x_test = x_test.reshape(-1, 784).astype("float32") / 255
y_train = keras.utils.to_categorical(y_train)
y_test = keras.utils.to_categorical(y_test)

model.fit(x_train, y_train, epochs=20, batch_size=128, validation_split=0.2)
print(np.argmax(model.predict(x_test[:4]), axis=1))
