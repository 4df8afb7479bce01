# source: https://github.com/tensorflow/tcav/issues/121
# mistake: the KDD99 intrusion model's 23-class head uses sigmoid and is compiled with SparseCategoricalCrossentropy(from_logits=True), so the loss squashes probabilities a second time (the issue asks why sigmoid and from_logits=True together)
# shape: builder function; model built and compiled inside make_keras_model, class count a local variable, embeddings per categorical column from a dict
# expect: KL107 line 32
# expect: KL105 line 34
import numpy as np
import sklearn.datasets
import tensorflow as tf
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder, OrdinalEncoder

BYTE_COLUMNS = [1, 2, 3]


def make_keras_model(categorical_map):
    n_features = 41
    n_labels = 23
    input_layer = tf.keras.layers.Input(shape=(n_features,), name="input")
    columns = tf.split(input_layer, [1] * n_features, 1)
    parts = []
    for index in range(n_features):
        if index in categorical_map:
            embedded = tf.keras.layers.Embedding(categorical_map[index], 200)(columns[index])
            parts.append(tf.keras.layers.Reshape(target_shape=(200,))(embedded))
        else:
            parts.append(columns[index])
    net = tf.keras.layers.concatenate(parts)
    net = tf.keras.layers.Dense(1000)(net)
    net = tf.keras.layers.BatchNormalization()(net)
    net = tf.keras.layers.Dense(256)(net)
    net = tf.keras.layers.BatchNormalization()(net)
    pred = tf.keras.layers.Dense(n_labels, activation="sigmoid")(net)
    model = tf.keras.models.Model(inputs=input_layer, outputs=pred)
    model.compile(loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"], optimizer="adam")
    return model


data, labels = sklearn.datasets.fetch_kddcup99(return_X_y=True)
data[:, BYTE_COLUMNS] = OrdinalEncoder().fit_transform(data[:, BYTE_COLUMNS])
data = data.astype("float32")
labels = LabelEncoder().fit_transform(labels)
categorical_map = {i: np.unique(data[:, i]).shape[0] for i in BYTE_COLUMNS}
x_train, x_test, y_train, y_test = train_test_split(data, labels, test_size=0.2)
model = make_keras_model(categorical_map)
model.fit(x_train, y_train, validation_data=(x_test, y_test), epochs=4, batch_size=64)
