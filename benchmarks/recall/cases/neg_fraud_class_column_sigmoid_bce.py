# source: https://github.com/jskarpetis/Machine_Learning_Neural_Networks/blob/520973b342c0a6249c2265928b815e733560f940/question_C.py
# mistake: none - a card-fraud detector: the 0/1 'Class' column of the CSV is the target of a single sigmoid unit with binary_crossentropy; a stratified split keeps both classes
# shape: pandas column; target df['Class'] of read_csv, features from drop(), train_test_split with stratify; the script stops after summary, so the fit is filled in
# expect: none
import pandas as pd
from keras.layers import Dense
from keras.models import Sequential
from sklearn.model_selection import train_test_split

df = pd.read_csv("train_samples_F0.csv")
x = df.drop(["Time", "Class"], axis=1)
y = df["Class"]

x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, stratify=y, random_state=0)

model = Sequential()
model.add(Dense(128, activation="relu", input_dim=29))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.summary()

model.fit(x_train, y_train, epochs=10, batch_size=256, validation_data=(x_test, y_test))
