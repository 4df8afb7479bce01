# source: https://github.com/keras-team/keras/issues/13926
# mistake: a functional model has a multi-label head trained on concatenated one-hot metadata columns and a second head that "predicts one class in the data": Dense(1, activation="sigmoid") with binary_crossentropy on the LabelEncoder codes of a metadata column with seven categories; codes above 1 make the binary crossentropy negative, as reported; the feature input and the second head's column are filled in from the report's description
# shape: functional multi-output; LabelEncoder applied column-wise with DataFrame.apply, to_categorical per column, losses given as a dict per output name
# expect: KL205 line 34/35
import numpy as np
import pandas as pd
from sklearn.preprocessing import LabelEncoder
from tensorflow.keras.layers import Dense, Dropout, Input
from tensorflow.keras.models import Model
from tensorflow.keras.utils import to_categorical

features = np.load("expression_profiles.npy")                 # (n, 5000)
metadata = pd.read_csv("metadata.csv", index_col=0)            # cat1 .. cat8, strings

le = LabelEncoder()
metadataencode = metadata.apply(le.fit_transform)

cat1 = to_categorical(metadataencode["cat1"], num_classes=12)
cat2 = to_categorical(metadataencode["cat2"], num_classes=7)
cat3 = to_categorical(metadataencode["cat3"], num_classes=2)
cat4 = to_categorical(metadataencode["cat4"], num_classes=5)
trainingtarget = np.concatenate((cat1, cat2, cat3, cat4), axis=1)

predict_target = metadataencode["cat2"].values

inputs = Input(shape=(features.shape[1],))
x = Dense(512, activation="relu")(inputs)
x = Dropout(0.3)(x)
x = Dense(128, activation="relu")(x)
classifier = Dense(trainingtarget.shape[1], activation="sigmoid", name="classifier")(x)
predictor = Dense(1, activation="sigmoid", name="predictor")(x)

model = Model(inputs=inputs, outputs=[classifier, predictor])
model.compile(optimizer="adam",
              loss={"classifier": "binary_crossentropy", "predictor": "binary_crossentropy"},
              metrics=["accuracy"])
model.fit(features, {"classifier": trainingtarget, "predictor": predict_target},
          epochs=50, batch_size=32, validation_split=0.2)
