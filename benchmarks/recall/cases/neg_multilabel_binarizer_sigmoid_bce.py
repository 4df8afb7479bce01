# source: https://openillumi.com/keras-multilabel-sigmoid-bce
# mistake: none - the corrected multi-label setup from the article (each sample can carry several labels): one sigmoid unit per label, width from the MultiLabelBinarizer's classes_, trained with binary_crossentropy on the multi-hot targets
# shape: units from an encoder; num_labels = len(mlb.classes_) of a fitted MultiLabelBinarizer, tags split from a DataFrame column
# expect: none
import pandas as pd
from sklearn.preprocessing import MultiLabelBinarizer
from tensorflow.keras.layers import Dense, Dropout
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import SGD

frame = pd.read_csv("articles.csv")
features = frame.drop(columns=["tags"]).to_numpy(dtype="float32")
tag_lists = frame["tags"].str.split("|")

mlb = MultiLabelBinarizer()
targets = mlb.fit_transform(tag_lists)
num_labels = len(mlb.classes_)

model = Sequential()
model.add(Dense(256, activation="relu", input_shape=(features.shape[1],)))
model.add(Dropout(0.3))
model.add(Dense(num_labels, activation="sigmoid"))
sgd = SGD(learning_rate=0.01, momentum=0.9)
model.compile(loss="binary_crossentropy", optimizer=sgd)
model.fit(features, targets, epochs=20, batch_size=64)
