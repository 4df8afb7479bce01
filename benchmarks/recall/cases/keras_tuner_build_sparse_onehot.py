# source: https://github.com/keras-team/keras-tuner/issues/231
# mistake: the README tuner example is run on MNIST labels one-hot encoded with to_categorical, but build(hp) compiles sparse_categorical_crossentropy, which expects integer labels (shape mismatch)
# shape: Keras Tuner build(hp); targets one-hot at module level, model built by the tuner from build(hp), trained through tuner.search
# expect: KL201 line 24
import tensorflow as tf
from tensorflow.keras.datasets import mnist
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.optimizers import Adam
from kerastuner.tuners import RandomSearch

(xtrain, ytrain), (xtest, ytest) = mnist.load_data()
xtrain = xtrain.reshape([-1, 784]) / 255
xtest = xtest.reshape([-1, 784]) / 255

ytrain = tf.keras.utils.to_categorical(ytrain, 10)
ytest = tf.keras.utils.to_categorical(ytest, 10)


def build(hp):
    model = tf.keras.models.Sequential()
    model.add(Dense(units=hp.Int('units', min_value=32, max_value=512, step=32), activation="relu"))
    model.add(Dense(10, activation="softmax"))

    model.compile(loss="sparse_categorical_crossentropy",
                  optimizer=Adam(hp.Choice("learning_rate", values=[1e-2, 1e-3, 1e-4])),
                  metrics=["accuracy"])
    return model


tuner = RandomSearch(build, objective='val_accuracy', max_trials=5, executions_per_trial=3,
                     directory="bin", project_name="tuner_test")
tuner.search_space_summary()
tuner.search(xtrain, ytrain, epochs=10, validation_data=(xtest, ytest))
models = tuner.get_best_models(num_models=5)
