# source: https://datascience.stackexchange.com/questions/104896/activation-and-loss-function-not-chosen-correctly-when-use-neural-network/104903
# mistake: after dropping class 1 from labels 0/1/2 the remaining labels are 0 and 2, but the model keeps Dense(2, activation='softmax') with sparse_categorical_crossentropy: label 2 has no output unit
# shape: pandas filter; labels mapped with a {name: id} dict (0, 1, 2) into a DataFrame column, then df[df['class'] != 1], output width literal 2
# expect: KL204 line 25
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import train_test_split
from tensorflow.keras.layers import Dense, Dropout
from tensorflow.keras.losses import sparse_categorical_crossentropy
from tensorflow.keras.models import Sequential

CLASS_IDS = {"cat": 0, "not both": 1, "dog": 2}
df = pd.read_csv("pets_text.csv")
df["class"] = df["animal"].map(CLASS_IDS)
df_result = df[df["class"] != 1]
texts = df_result["text"].values
labels = df_result["class"].values

features = TfidfVectorizer(max_features=5000).fit_transform(texts).toarray()
x_train, x_test, y_train, y_test = train_test_split(features, labels, test_size=0.2)

model = Sequential()
model.add(Dense(64, activation="relu", input_shape=(features.shape[1],)))
model.add(Dropout(0.3))
model.add(Dense(2, activation="softmax"))
model.compile(loss=sparse_categorical_crossentropy, optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, validation_data=(x_test, y_test), epochs=10)
