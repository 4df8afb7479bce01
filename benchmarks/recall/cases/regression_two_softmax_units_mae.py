# source: https://stackoverflow.com/questions/45442843
# mistake: a one-feature regression (continuous targets) ends in Dense(2, activation='softmax') and is trained with mean_absolute_error: the two outputs always sum to 1, so no target outside [0, 1] can be reached (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/45442843; data filled in from a CSV)
# shape: pandas column; targets read from a CSV column, train_test_split, Dense(1) + Activation('sigmoid') before the softmax head
# expect: KL108 line 19
import pandas as pd
from keras.layers import Activation, Dense
from keras.models import Sequential
from sklearn.model_selection import train_test_split

frame = pd.read_csv("sensor_readings.csv")
X = frame[["voltage"]].values
y = frame["temperature"].values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.1, random_state=42)

model = Sequential()
model.add(Dense(1, input_dim=1))
model.add(Activation("sigmoid"))
model.add(Dense(2, kernel_initializer="normal", activation="softmax"))
model.compile(loss="mean_absolute_error", optimizer="rmsprop")
model.fit(X_train, y_train, validation_data=(X_test, y_test), epochs=10, batch_size=200, verbose=2)
