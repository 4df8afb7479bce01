# source: https://stackoverflow.com/questions/67396593
# mistake: a five-intent sentence classifier over padded token ids ends in a single sigmoid unit (Dense(1, 'sigmoid', name='output_layer')) trained with categorical_crossentropy on the integer intent labels: one unit cannot hold five classes and categorical crossentropy on it is constant
# shape: scikit-learn preprocessing of targets; LabelEncoder codes of an intent column (read through the reproduction in dataset-code/GUIDER, Dataset/bugs/67396593, whose make_classification stand-in for five classes is replaced by encoded intent names), padded sequences of length 24
# expect: KL103 line 30
# expect: KL202 line 30
import pandas as pd
from keras.layers import Dense
from keras.models import Sequential
from keras.preprocessing.sequence import pad_sequences
from keras.preprocessing.text import Tokenizer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

padding_len = 24  # length of each tokenized sentence
neurons = 16  # 2/3 of the padded length

frame = pd.read_csv("intents.csv")
tok = Tokenizer()
tok.fit_on_texts(frame["sentence"])
X = pad_sequences(tok.texts_to_sequences(frame["sentence"]), maxlen=padding_len)
y = LabelEncoder().fit_transform(frame["intent"])
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.1, random_state=40)

model = Sequential()
model.add(Dense(neurons, input_dim=padding_len, activation="relu", name="hidden-1"))
model.add(Dense(neurons, activation="relu", name="hidden-2"))
model.add(Dense(neurons, activation="relu", name="hidden-3"))
model.add(Dense(1, activation="sigmoid", name="output_layer"))

model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
history = model.fit(X_train, y_train, epochs=10, batch_size=64)
