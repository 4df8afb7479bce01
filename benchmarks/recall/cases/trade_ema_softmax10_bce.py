# source: https://github.com/basraznov/Project/blob/ea061d56733786e5aa5b4a19aaa608afe896ca6d/MLtrade.py
# mistake: a stock-signal model on two EMA features ends in Dense(10, activation='softmax') (predictions read with np.argmax over the ten outputs) but is compiled with binary_crossentropy, which scores the ten classes as independent yes/no outputs
# shape: literal; module-level model.add chain, EMA features computed with pandas from a price CSV; the repository's fit is commented out and its labels undefined, so the ten-bucket one-hot labels and the fit are filled in
# expect: KL102 line 26
import numpy as np
import pandas as pd
from keras.layers import Dense
from keras.models import Sequential
from keras.utils import to_categorical


def ema(series, day):
    return series.ewm(span=day, adjust=False).mean()


trade = pd.read_csv("AAV.csv")
close = trade["Close"]
data = np.stack([ema(close, 5), ema(close, 10)], axis=1)[:-1]
change = close.pct_change().shift(-1).fillna(0).to_numpy()[:-1]
labels = to_categorical(np.digitize(change, np.linspace(-0.04, 0.04, 9)), 10)

model = Sequential()
model.add(Dense(35, activation="relu", input_dim=2))
model.add(Dense(10, activation="softmax"))
model.compile(optimizer="rmsprop",
              loss="binary_crossentropy",
              metrics=["accuracy"])

model.fit(data, labels, epochs=1, batch_size=100)
for p in model.predict(data[-7:]):
    print(np.argmax(p))
