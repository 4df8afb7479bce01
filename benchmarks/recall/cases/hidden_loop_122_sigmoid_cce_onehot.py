# source: https://stackoverflow.com/questions/42472447
# mistake: a 122-class classifier on 33 features ends in Dense(122, activation='sigmoid') with categorical_crossentropy on one-hot labels: independent sigmoids renormalised by the loss, so the reported accuracy stays near chance
# shape: literal; hidden layers added in a `for u in range(3)` loop, labels one-hot encoded with to_categorical(y_train) (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/42472447; its make_classification stand-in replaced by a CSV whose last column is the class id)
# expect: KL107 line 18
import pandas as pd
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.utils import to_categorical

table = pd.read_csv("codes.csv")
X_train = table.iloc[:, :33].values
y_train = to_categorical(table.iloc[:, 33].values)

model = Sequential()
model.add(Dense(50, input_dim=33, kernel_initializer="uniform", activation="relu"))
for u in range(3):
    model.add(Dense(33, kernel_initializer="uniform", activation="relu"))
model.add(Dense(122, kernel_initializer="uniform", activation="sigmoid"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=35, batch_size=20, validation_split=0.2)
