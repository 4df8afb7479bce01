# source: https://geek-tips.imtqy.com/articles/557592/index.html
# mistake: binary classifier built by a helper whose output width is a parameter; called with 1 and softmax, so it always outputs 1.0
# shape: builder parameter; builder parameter (units passed at the call site)
# expect: KL101 line 16
import numpy as np
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense, Dropout


def create_model(input_dim, n_outputs, activation="softmax"):
    model = Sequential()
    model.add(Dense(64, input_dim=input_dim, activation="relu"))
    model.add(Dropout(0.3))
    model.add(Dense(32, activation="relu"))
    model.add(Dense(n_outputs, activation=activation))
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


df = pd.read_csv("churn.csv")
X = df.drop("churned", axis=1).values.astype("float32")
y = df["churned"].values
model = create_model(X.shape[1], 1)
model.fit(X, y, epochs=50, batch_size=32, validation_split=0.2)
