# source: https://github.com/Vansmrnv/Tea-Quality-Prediction/blob/1d32bcde6f7a5b931b59fc6e035e93b9c66ef59d/model.py
# mistake: a tea-brewing classifier ends in Dense(units=1, activation='sigmoid') but is compiled with BinaryCrossentropy(from_logits=True): the loss squashes the probabilities a second time (and the script then applies tf.math.sigmoid to the predictions once more before thresholding)
# shape: pandas column; 0/1 target column of read_csv expanded with np.expand_dims, StandardScaler on the features, L2-regularised Sequential, loss object inline in compile
# expect: KL105 line 32
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense
from tensorflow.keras.regularizers import L2

data = pd.read_csv("data/tea_data500.csv")
X = data[["water_temperature", "steeping_time"]]
y = np.expand_dims(data["tea_made_correctly"], axis=1)

X_train, X_rest, y_train, y_rest = train_test_split(X, y, test_size=0.4, random_state=42)
X_cv, X_test, y_cv, y_test = train_test_split(X_rest, y_rest, test_size=0.5, random_state=1)

scaler = StandardScaler()
X_train_scaled = scaler.fit_transform(X_train)
X_cv_scaled = scaler.transform(X_cv)

model = Sequential([
    Dense(units=25, activation="relu", kernel_regularizer=L2(0.01)),
    Dense(units=15, activation="relu", kernel_regularizer=L2(0.01)),
    Dense(units=1, activation="sigmoid", kernel_regularizer=L2(0.01)),
])

model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3),
              loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(X_train_scaled, y_train, epochs=50, verbose=0)

threshold = 0.5
scores = tf.math.sigmoid(model.predict(X_cv_scaled))
cv_error = np.mean(np.where(scores >= threshold, 1, 0) != y_cv)
print(f"CV classification error: {cv_error:.5f}")
