# source: https://github.com/GoogleCloudPlatform/cloudml-samples/blob/0bce72b226839156cd2d311fd1a1580e40d6dbb7/census/keras/trainer/model.py
# mistake: the census income model swapped its 2-unit softmax for sigmoid (pull request 241) but kept categorical_crossentropy on the one-hot income labels
# shape: builder parameter; model_fn(input_dim, labels_dim) with the activation passed as the function keras.backend.sigmoid, compile in a second helper, CLASS_SIZE constant
# expect: KL107 line 28
import keras
import pandas as pd
from keras import layers, models
from keras.backend import relu, sigmoid

CSV_COLUMNS = ('age', 'workclass', 'fnlwgt', 'education', 'education_num',
               'marital_status', 'occupation', 'relationship', 'race',
               'gender', 'capital_gain', 'capital_loss', 'hours_per_week',
               'native_country', 'income_bracket')
LABEL_COLUMN = 'income_bracket'
CLASS_SIZE = 2


def model_fn(input_dim,
             labels_dim,
             hidden_units=[100, 70, 50, 20],
             learning_rate=0.1):
    """Create a Keras Sequential model with layers."""
    model = models.Sequential()
    for units in hidden_units:
        model.add(layers.Dense(units=units, input_dim=input_dim, activation=relu))
        input_dim = units
    # Add a dense final layer with sigmoid function
    model.add(layers.Dense(labels_dim, activation=sigmoid))
    compile_model(model, learning_rate)
    return model


def compile_model(model, learning_rate):
    model.compile(loss='categorical_crossentropy',
                  optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
                  metrics=['accuracy'])
    return model


data = pd.read_csv("adult.data.csv", names=CSV_COLUMNS, na_values=" ?").dropna()
labels = pd.get_dummies(data.pop(LABEL_COLUMN)).values        # (n, 2) one-hot
features = pd.get_dummies(data).values.astype("float32")

census_model = model_fn(features.shape[1], CLASS_SIZE)
census_model.fit(features, labels, epochs=20, batch_size=40)
