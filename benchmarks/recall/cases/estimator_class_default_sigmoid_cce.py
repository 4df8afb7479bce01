# source: https://github.com/aeon-toolkit/aeon/pull/1597
# mistake: a scikit-learn style deep classifier builds its head as Dense(n_classes, activation=self.activation) with the constructor default activation='sigmoid' and compiles categorical_crossentropy on one-hot labels (the PR fixes the default to softmax)
# shape: class with constructor defaults; activation and loss are __init__ defaults stored on self, head width n_classes from np.unique on the labels, built in a method
# expect: KL107 line 25
import numpy as np
from sklearn.preprocessing import LabelEncoder, OneHotEncoder
from tensorflow import keras


class MLPClassifier:
    def __init__(self, n_epochs=200, batch_size=16, activation="sigmoid",
                 loss="categorical_crossentropy", use_bias=True):
        self.n_epochs = n_epochs
        self.batch_size = batch_size
        self.activation = activation
        self.loss = loss
        self.use_bias = use_bias

    def build_model(self, input_shape, n_classes):
        input_layer = keras.layers.Input(input_shape)
        x = keras.layers.Flatten()(input_layer)
        for _ in range(3):
            x = keras.layers.Dropout(0.2)(x)
            x = keras.layers.Dense(500, activation="relu")(x)
        output_layer = keras.layers.Dense(units=n_classes, activation=self.activation,
                                          use_bias=self.use_bias)(x)
        model = keras.models.Model(inputs=input_layer, outputs=output_layer)
        model.compile(loss=self.loss, optimizer=keras.optimizers.Adadelta(), metrics=["accuracy"])
        return model

    def fit(self, X, y):
        y_int = LabelEncoder().fit_transform(y)
        n_classes = len(np.unique(y_int))
        y_onehot = OneHotEncoder(sparse_output=False).fit_transform(y_int.reshape(-1, 1))
        self.model_ = self.build_model(X.shape[1:], n_classes)
        self.model_.fit(X, y_onehot, batch_size=self.batch_size, epochs=self.n_epochs, verbose=0)
        return self


series = np.load("gunpoint_X.npy")
labels = np.load("gunpoint_y.npy", allow_pickle=True)
clf = MLPClassifier(n_epochs=50).fit(series, labels)
