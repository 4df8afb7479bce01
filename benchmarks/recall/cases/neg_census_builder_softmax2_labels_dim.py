# source: https://github.com/GoogleCloudPlatform/cloudml-samples/pull/241
# mistake: none - before this pull request the census model ended in Dense(labels_dim, activation=softmax) with categorical_crossentropy, and labels_dim is the constant CLASS_SIZE = 2 (one-hot income brackets): the PR's worry about labels_dim == 1 never applies
# shape: builder parameter; model_fn(input_dim, labels_dim) called with a module constant, activation passed as the function keras.backend.softmax
# expect: none
import keras
import pandas as pd
from keras import layers, models
from keras.backend import relu, softmax

CSV_COLUMNS = ('age', 'workclass', 'fnlwgt', 'education', 'education_num',
               'marital_status', 'occupation', 'relationship', 'race',
               'gender', 'capital_gain', 'capital_loss', 'hours_per_week',
               'native_country', 'income_bracket')
LABEL_COLUMN = 'income_bracket'
CLASS_SIZE = 2


def model_fn(input_dim, labels_dim, hidden_units=[100, 70, 50, 20], learning_rate=0.1):
    model = models.Sequential()
    for units in hidden_units:
        model.add(layers.Dense(units=units, input_dim=input_dim, activation=relu))
        input_dim = units
    model.add(layers.Dense(labels_dim, activation=softmax))
    model.compile(loss='categorical_crossentropy',
                  optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
                  metrics=['accuracy'])
    return model


data = pd.read_csv("adult.data.csv", names=CSV_COLUMNS, na_values=" ?").dropna()
labels = pd.get_dummies(data.pop(LABEL_COLUMN)).values
features = pd.get_dummies(data).values.astype("float32")
census_model = model_fn(features.shape[1], CLASS_SIZE)
census_model.fit(features, labels, epochs=20, batch_size=40)
