# source: https://github.com/tensorflow/docs/pull/2102
# mistake: 4-class Stack Overflow question tagger ends in a plain Dense(4) (logits) but SparseCategoricalCrossentropy() expects probabilities
# shape: tf.data (text_dataset_from_directory); text_dataset_from_directory + TextVectorization, tf.data map
# expect: KL106 line 40
import tensorflow as tf
from tensorflow.keras import layers, losses

batch_size = 32
seed = 42
max_features = 10000
sequence_length = 250
embedding_dim = 16

raw_train_ds = tf.keras.utils.text_dataset_from_directory(
    "stack_overflow/train", batch_size=batch_size, validation_split=0.2,
    subset="training", seed=seed)
raw_val_ds = tf.keras.utils.text_dataset_from_directory(
    "stack_overflow/train", batch_size=batch_size, validation_split=0.2,
    subset="validation", seed=seed)

vectorize_layer = layers.TextVectorization(max_tokens=max_features, output_mode="int",
                                           output_sequence_length=sequence_length)
vectorize_layer.adapt(raw_train_ds.map(lambda text, label: text))


def vectorize_text(text, label):
    return vectorize_layer(tf.expand_dims(text, -1)), label


train_ds = raw_train_ds.map(vectorize_text).cache().prefetch(tf.data.AUTOTUNE)
val_ds = raw_val_ds.map(vectorize_text).cache().prefetch(tf.data.AUTOTUNE)

model = tf.keras.Sequential([
    layers.Embedding(max_features + 1, embedding_dim),
    layers.Dropout(0.2),
    layers.GlobalAveragePooling1D(),
    layers.Dropout(0.2),
    layers.Dense(4),
])
model.compile(loss=losses.SparseCategoricalCrossentropy(),
              optimizer="adam", metrics=["accuracy"])
model.fit(train_ds, validation_data=val_ds, epochs=10)
