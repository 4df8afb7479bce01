# source: https://github.com/fchollet/deep-learning-with-python-notebooks/issues/279
# mistake: the CBOW word-embedding pretraining model predicts the missing word with Dense(max_tokens, activation="sigmoid") and sparse_categorical_crossentropy (the sigmoid was kept from the binary sentiment models of the chapter; one word out of max_tokens needs softmax)
# shape: units from a module-level variable; Dense(max_tokens, 'sigmoid'), tf.data pipeline of (context, target) windows from TextVectorization
# expect: KL107 line 33
import keras
import tensorflow as tf
from keras import layers

max_tokens = 30000
context_size = 4
hidden_dim = 64
batch_size = 1024

text_ds = tf.data.TextLineDataset("aclImdb_unsup.txt")
text_vectorization = layers.TextVectorization(max_tokens=max_tokens, output_mode="int")
text_vectorization.adapt(text_ds.batch(1024))


def to_cbow_pairs(tokens):
    windows = tf.signal.frame(tokens, 2 * context_size + 1, 1)
    context = tf.concat([windows[:, :context_size], windows[:, context_size + 1 :]], axis=1)
    target = windows[:, context_size]
    return tf.data.Dataset.from_tensor_slices((context, target))


cbow_ds = text_ds.map(text_vectorization).flat_map(to_cbow_pairs)
cbow_ds = cbow_ds.shuffle(100_000).batch(batch_size).prefetch(8)

inputs = keras.Input(shape=(2 * context_size,))
cbow_embedding = layers.Embedding(max_tokens, hidden_dim)
x = cbow_embedding(inputs)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(max_tokens, activation="sigmoid")(x)
cbow_model = keras.Model(inputs, outputs)
cbow_model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",
    metrics=["sparse_categorical_accuracy"],
)
cbow_model.fit(cbow_ds, epochs=4)
