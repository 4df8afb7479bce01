# source: https://github.com/keras-team/keras/issues/5992
# mistake: a FeedForward class builds Dense(nb_classes, activation="softmax") (followed by a Dropout) and its compile_model method defaults to loss="mse": a squared error on a softmax classifier trained on one-hot class columns; nb_classes comes from the one-hot frame of a label column (a classifier has at least two classes, so the softmax has several units); the data loading is filled in
# shape: class with constructor defaults; __init__(self, input_dim, nb_classes) builds the functional graph, compile_model(self, optimizer="adam", loss="mse") compiles, units from y.shape[1] of pd.get_dummies
# expect: KL108 line 28/29
import numpy as np
import pandas as pd
from keras.layers import Dense, Dropout, Input
from keras.models import Model
from sklearn.model_selection import train_test_split


class FeedForward:

    def __init__(self, input_dim, nb_classes):
        in_x = Input(shape=(input_dim,), name="in_x")

        h1 = Dense(14, name="h1", activation="relu")(in_x)
        h1 = Dropout(0.5)(h1)

        h2 = Dense(8, name="h2", activation="relu")(h1)
        h2 = Dropout(0.5)(h2)

        out = Dense(nb_classes, name="out", activation="softmax")(h2)
        out = Dropout(0.5)(out)

        self.model = Model(inputs=[in_x], outputs=[out])

    def compile_model(self, optimizer="adam", loss="mse"):
        self.model.compile(optimizer=optimizer, loss=loss, metrics=["accuracy"])


if __name__ == "__main__":
    df_data = pd.read_csv("data.csv", index_col=0)
    x = df_data.drop(columns=["label"]).values.astype(np.float32)
    y = pd.get_dummies(df_data["label"]).values.astype(np.float32)

    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2)

    ff = FeedForward(input_dim=x.shape[1], nb_classes=y.shape[1])
    ff.compile_model()
    ff.model.fit(x_train, y_train, validation_data=(x_test, y_test), epochs=50, batch_size=32)
    print(ff.model.predict(x_test[:5]))
