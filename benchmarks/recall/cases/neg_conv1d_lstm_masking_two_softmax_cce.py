# source: https://stackoverflow.com/questions/58043002
# mistake: none in the loss or output; a Conv1D + LSTM sequence classifier ends in Dense(2, activation='softmax') with categorical_crossentropy on to_categorical labels (the question is about sigmoid convolutions and a Masking layer placed after them)
# shape: literal; variable-length input (input_shape=(None, 7)), Masking between the convolutions and the LSTM, labels one-hot encoded with to_categorical(y) before the split (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/58043002; its make_classification stand-in replaced by saved arrays)
# expect: none
import numpy as np
from keras.layers import LSTM, Conv1D, Dense, Masking, MaxPooling1D
from keras.models import Sequential
from keras.optimizers import Adam
from keras.utils import to_categorical
from sklearn.model_selection import train_test_split

X = np.load("sessions.npy").reshape(-1, 10, 7)
y = to_categorical(np.load("session_outcome.npy"))
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.33, random_state=42)

model = Sequential()
model.add(Conv1D(filters=64, kernel_size=3, activation="sigmoid", input_shape=(None, 7)))
model.add(MaxPooling1D(pool_size=3))
model.add(Conv1D(filters=64, kernel_size=2, activation="sigmoid"))
model.add(Masking(mask_value=0.0))
model.add(LSTM(8))
model.add(Dense(2, activation="softmax"))
model.compile(optimizer=Adam(learning_rate=0.0001), loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=100, verbose=2, batch_size=50)
score, accuracy = model.evaluate(X_test, y_test, verbose=2)
