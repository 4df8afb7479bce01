# source: https://example-a.com/answer/53913641
# mistake: none - the classifier the question started from: the softmax over the rating levels trained with categorical_crossentropy on the one-hot ratings, which learned fine
# shape: units from np.unique; n_levels = len(np.unique(ratings)) (unknown to the linter), two inputs through one shared Dense layer, targets one-hot encoded with to_categorical
# expect: none
import numpy as np
import pandas as pd
from tensorflow.keras.layers import Dense, Input, concatenate
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam
from tensorflow.keras.utils import to_categorical

frame = pd.read_csv("ratings_features.csv")
user_cols = [c for c in frame.columns if c.startswith("u_")]
item_cols = [c for c in frame.columns if c.startswith("m_")]
features = len(user_cols)

input_u = frame[user_cols].to_numpy(dtype="float32")
input_m = frame[item_cols].to_numpy(dtype="float32")
ratings = frame["rating"].to_numpy()
levels = np.unique(ratings)
n_levels = len(levels)
output_y = to_categorical(np.searchsorted(levels, ratings), n_levels)

input_layer_u = Input(shape=(features,))
input_layer_m = Input(shape=(features,))
shared = Dense(features, activation="relu")
dense_u = shared(input_layer_u)
dense_m = shared(input_layer_m)
concat_layer = concatenate([dense_u, dense_m], axis=1)
dense_layer = Dense(features * 2, activation="relu")(concat_layer)
output_layer = Dense(n_levels, activation="softmax")(dense_layer)

model = Model(inputs=[input_layer_u, input_layer_m], outputs=output_layer)
model.compile(loss="categorical_crossentropy", optimizer=Adam(learning_rate=0.01), metrics=["accuracy"])
model.fit([input_u, input_m], output_y, epochs=10, batch_size=64)
