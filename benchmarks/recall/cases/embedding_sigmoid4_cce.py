# source: https://datascience.stackexchange.com/questions/91069/the-sum-of-multi-class-prediction-is-not-1-using-tensorflow-and-keras
# mistake: single-label 4-class text classifier with 4 sigmoid outputs and categorical_crossentropy
# shape: literal; literal units, embedding matrix built from data
# expect: KL107 line 16
import numpy as np
import tensorflow as tf

vocab_size = 5000
embedding_matrix = np.load("glove_matrix.npy")
padded = np.load("padded.npy")
labels_onehot = np.load("labels_onehot.npy")

model = tf.keras.Sequential([
    tf.keras.layers.Embedding(vocab_size, 50, weights=[embedding_matrix], trainable=False),
    tf.keras.layers.GlobalAveragePooling1D(),
    tf.keras.layers.Dense(4, activation="sigmoid"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam",
              metrics=[tf.metrics.categorical_accuracy])
model.fit(padded, labels_onehot, epochs=10)
