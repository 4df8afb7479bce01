# source: https://github.com/keras-team/keras-io/issues/1341
# mistake: following the structured-data classification example on a custom 0/1 target, the model's last Dense(1) has no sigmoid while the example's binary_crossentropy is kept; predictions come out as 4, 5, even 8 (the maintainer points to the missing sigmoid)
# shape: tf.data; dataset from a DataFrame with from_tensor_slices((dict(df), labels)), preprocessing layers per feature, functional head Dense(1) with no activation
# expect: KL106 line 41
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

dataframe = pd.read_csv("patients.csv")
val_dataframe = dataframe.sample(frac=0.2, random_state=1337)
train_dataframe = dataframe.drop(val_dataframe.index)


def dataframe_to_dataset(frame):
    frame = frame.copy()
    labels = frame.pop("target")
    ds = tf.data.Dataset.from_tensor_slices((dict(frame), labels))
    return ds.shuffle(buffer_size=len(frame))


train_ds = dataframe_to_dataset(train_dataframe).batch(32)
val_ds = dataframe_to_dataset(val_dataframe).batch(32)


def encode_numerical_feature(feature, name, dataset):
    normalizer = layers.Normalization()
    feature_ds = dataset.map(lambda x, y: x[name]).map(lambda x: tf.expand_dims(x, -1))
    normalizer.adapt(feature_ds)
    return normalizer(feature)


numeric_names = ["age", "trestbps", "chol", "thalach", "oldpeak"]
inputs = [keras.Input(shape=(1,), name=name) for name in numeric_names]
encoded = [encode_numerical_feature(inp, name, train_ds) for inp, name in zip(inputs, numeric_names)]
all_features = layers.concatenate(encoded)
x = layers.Dense(32, activation="relu")(all_features)
x = layers.Dropout(0.5)(x)
output = layers.Dense(1)(x)
model = keras.Model(inputs, output)
model.compile("adam", "binary_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=50, validation_data=val_ds)
