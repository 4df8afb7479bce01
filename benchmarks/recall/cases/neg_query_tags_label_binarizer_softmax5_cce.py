# source: https://stackoverflow.com/questions/51421885
# mistake: none in the loss or output; five query tags one-hot encoded by a LabelBinarizer, Dense(5) then Activation('softmax') with categorical_crossentropy (the question's error is calling predict on a single row without its batch axis)
# shape: separate Activation layer; Tokenizer(num_words=100).texts_to_matrix features, LabelBinarizer fitted and applied to the tag column of a CSV (read through the original snippet in mehilshah/Bug_Reproducibility_DL_Bugs, Bugs/007)
# expect: none
import numpy as np
import pandas as pd
from keras.layers import Activation, Dense
from keras.models import Sequential
from keras.preprocessing.text import Tokenizer
from sklearn.preprocessing import LabelBinarizer

data = pd.read_csv("text_class.csv")
queries = data["query"]
tags = data["tags"]

tokenize = Tokenizer(num_words=100)
tokenize.fit_on_texts(queries)
x_data = tokenize.texts_to_matrix(queries)

encoder = LabelBinarizer()
encoder.fit(tags)
y_data = encoder.transform(tags)

model = Sequential()
model.add(Dense(512, input_shape=(100,)))
model.add(Activation("relu"))
model.add(Dense(5))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["acc"])
model.fit(x_data, y_data, batch_size=8, epochs=10)

predictions = model.predict(x_data[:1])
print(encoder.classes_[np.argmax(predictions)])
