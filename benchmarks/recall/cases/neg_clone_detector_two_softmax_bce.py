# source: https://github.com/foxycom/code2vec/blob/f3ce3aa1c4bdfd9b865a8b57eccaaba4930121cf/cclearner/model.py
# mistake: none - a code-clone detector on 384-d code vectors ends in Dense(2, activation='softmax') with binary_crossentropy: over two softmax units with one-hot targets this equals categorical crossentropy
# shape: builder function; create_model() building and compiling, called under a __main__ guard; the repository's stub runs one forward pass, and a fit on one-hot clone / not-clone targets is filled in
# expect: none
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


def create_model():
    opt = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True)
    model = keras.models.Sequential([
        layers.Dense(10, activation="relu", input_shape=(384,)),
        layers.Dense(10, activation="relu"),
        layers.Dense(2, activation="softmax"),
    ])
    model.compile(optimizer=opt, loss="binary_crossentropy")
    probe = model(tf.ones((1, 384)))
    print(model.summary(), probe)
    return model


if __name__ == "__main__":
    pairs = np.load("pair_vectors.npy")
    is_clone = np.load("pair_labels.npy").astype("int64")
    targets = keras.utils.to_categorical(is_clone, num_classes=2)
    model = create_model()
    model.fit(pairs, targets, epochs=20, batch_size=64, validation_split=0.1)
