# source: https://stackoverflow.com/questions/45442843
# mistake: a one-feature regression (continuous targets) ends in Dense(2, activation='softmax') and is trained with mean_absolute_error: the two outputs always sum to 1, so no target outside [0, 1] can be reached (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/45442843; data filled in from a CSV)
# shape: pandas column; targets read from a CSV column, functional model with Dense(1) + Activation("sigmoid") before the Dense(2, "softmax") head
# expect: KL108 line 19
import pandas as pd
from keras.layers import Activation, Dense, Input
from keras.models import Model
from sklearn.model_selection import train_test_split

readings = pd.read_csv("sensor_readings.csv")
voltage = readings[["voltage"]].to_numpy()
temperature = readings["temperature"].to_numpy()
v_train, v_val, t_train, t_val = train_test_split(voltage, temperature, test_size=0.1, random_state=42)

inputs = Input(shape=(1,))
hidden = Activation("sigmoid")(Dense(1)(inputs))
outputs = Dense(2, kernel_initializer="normal", activation="softmax")(hidden)
model = Model(inputs, outputs)
model.compile(optimizer="rmsprop", loss="mean_absolute_error")
model.fit(v_train, t_train, validation_data=(v_val, t_val), epochs=10, batch_size=200, verbose=2)
