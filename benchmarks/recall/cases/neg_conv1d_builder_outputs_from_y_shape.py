# source: https://stackoverflow.com/questions/62300118
# mistake: none - a float16 Conv1D + Dense model built by create_model(n_timesteps, n_features, n_outputs) with n_outputs = y_train.shape[1] (23) and a softmax head, compiled with categorical_crossentropy on a 23-column target; the question is about the sequence axis the Conv1D leaves in the output, not about the loss (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s62300118_original.py)
# shape: units from y.shape[1]; builder parameter unpacked from X_train.shape / y_train.shape under a __main__ guard
# expect: none
import numpy as np
import tensorflow as tf


def create_model(n_timesteps, n_features, n_outputs):
    tf.keras.backend.set_floatx("float16")
    dtype = "float16"
    model = tf.keras.models.Sequential([
        tf.keras.layers.Conv1D(input_shape=(n_timesteps, n_features), kernel_size=3, filters=512),
        tf.keras.layers.Dense(256, activation="relu", dtype=dtype),
        tf.keras.layers.Dropout(0.2, dtype=dtype),
        tf.keras.layers.Dense(n_outputs, activation="softmax", dtype=dtype),
    ])
    return model


if __name__ == "__main__":
    X_train = np.zeros((72148, 828, 1))
    y_train = np.zeros((72148, 23))
    n_timesteps, n_features, n_outputs = X_train.shape[1], X_train.shape[2], y_train.shape[1]
    model = create_model(n_timesteps, n_features, n_outputs)
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    print(model.summary())
    model.fit(X_train, y_train, epochs=3, batch_size=32)
