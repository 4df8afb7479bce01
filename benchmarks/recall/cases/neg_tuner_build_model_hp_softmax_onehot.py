# source: https://github.com/keras-team/keras-tuner/issues/1019
# mistake: none - the KerasTuner getting-started model: a build_model(hp) with tuned hidden layers, Dense(10, activation="softmax") and categorical_crossentropy on MNIST labels one-hot encoded with to_categorical (the issue is about building the model before summary())
# shape: Keras Tuner build(hp); hidden widths and activation from hp, RandomSearch over build_model
# expect: none
import keras
import keras_tuner
import numpy as np
from keras import layers


def build_model(hp):
    model = keras.Sequential()
    model.add(layers.Flatten())
    for i in range(hp.Int("num_layers", 1, 3)):
        model.add(
            layers.Dense(
                units=hp.Int(f"units_{i}", min_value=32, max_value=512, step=32),
                activation=hp.Choice("activation", ["relu", "tanh"]),
            )
        )
    if hp.Boolean("dropout"):
        model.add(layers.Dropout(rate=0.25))
    model.add(layers.Dense(10, activation="softmax"))
    learning_rate = hp.Float("lr", min_value=1e-4, max_value=1e-2, sampling="log")
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


(x, y), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train, x_val = x[:-10000], x[-10000:]
y_train, y_val = y[:-10000], y[-10000:]
x_train = np.expand_dims(x_train, -1).astype("float32") / 255.0
x_val = np.expand_dims(x_val, -1).astype("float32") / 255.0
num_classes = 10
y_train = keras.utils.to_categorical(y_train, num_classes)
y_val = keras.utils.to_categorical(y_val, num_classes)

tuner = keras_tuner.RandomSearch(
    hypermodel=build_model,
    objective="val_accuracy",
    max_trials=3,
    executions_per_trial=2,
    overwrite=True,
    directory="my_dir",
    project_name="helloworld",
)
tuner.search(x_train, y_train, epochs=2, validation_data=(x_val, y_val))
best_model = tuner.get_best_models()[0]
