# source: https://datascience.stackexchange.com/questions/69388/multi-class-classification-with-discrete-output-which-loss-function-and-activat
# mistake: none - the asker's update: ordered classes 1-5 (worst to best) are predicted as one number by a linear Dense(1) trained with mse, so a prediction of 2 for a true 1 costs less than a 5; a regression head with a regression loss is consistent
# shape: pandas column; integer ratings 1-5 read from a CSV column used as a regression target, linear single-unit output
# expect: none
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow.keras.layers import Dense, Dropout
from tensorflow.keras.models import Sequential

frame = pd.read_csv("reviews_features.csv")
features = frame.drop(columns=["quality"]).values
quality = frame["quality"].astype("float32").values  # 1 (worst) .. 5 (best)

x_train, x_val, y_train, y_val = train_test_split(features, quality, test_size=0.2, random_state=7)
scaler = StandardScaler().fit(x_train)
x_train, x_val = scaler.transform(x_train), scaler.transform(x_val)

model = Sequential()
model.add(Dense(64, activation="relu", input_shape=(features.shape[1],)))
model.add(Dropout(0.2))
model.add(Dense(32, activation="relu"))
model.add(Dense(1, activation="linear"))
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=50, batch_size=32)

predicted = model.predict(x_val).round().clip(1, 5)
