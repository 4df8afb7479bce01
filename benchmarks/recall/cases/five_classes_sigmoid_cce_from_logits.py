# source: https://stackoverflow.com/questions/66602662
# mistake: a 5-class problem (integer labels) is fitted by a single sigmoid unit with CategoricalCrossentropy(from_logits=True): one output for five classes, the sigmoid output read as logits, and integer labels given to the one-hot loss (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/66602662; the data is filled in from a CSV of five tissue types)
# shape: pandas column; labels are the integer codes of a CSV column (cat.codes), loss object from keras.losses imported by name
# expect: KL103 line 21
# expect: KL105 line 21
# expect: KL202 line 21
import pandas as pd
import tensorflow as tf
from keras.losses import CategoricalCrossentropy

samples = pd.read_csv("tissue_features.csv")
features = samples.drop(columns=["tissue"]).to_numpy(dtype="float32")
tissue = samples["tissue"].astype("category").cat.codes.to_numpy()

classifier = tf.keras.Sequential()
for width, rate in ((32, 0.0), (16, 0.2), (8, 0.2)):
    classifier.add(tf.keras.layers.Dense(width, activation="relu"))
    if rate:
        classifier.add(tf.keras.layers.Dropout(rate))
classifier.add(tf.keras.layers.Dense(1, activation="sigmoid"))
classifier.compile(optimizer="adam", loss=CategoricalCrossentropy(from_logits=True))
classifier.fit(features, tissue, epochs=20, batch_size=24)
