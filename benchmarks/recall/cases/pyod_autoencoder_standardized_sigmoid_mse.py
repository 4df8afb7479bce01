# source: https://github.com/yzhao062/pyod/issues/314
# mistake: the outlier-detection AutoEncoder standardises its input with StandardScaler (preprocessing=True by default) and reconstructs it through an output layer with output_activation="sigmoid" under mean squared error: the targets are the standardised features, centred on zero and often above 1, which a sigmoid can never reach (the maintainer: "Maybe we should change the sigmoid to relu"); the class is reduced to the parts that set the output and the targets
# shape: class with constructor defaults; AutoEncoder(hidden_activation="relu", output_activation="sigmoid", loss=mean_squared_error, preprocessing=True) builds in _build_model and fits X_norm on X_norm
# expect: KL111 line 42
import numpy as np
from sklearn.preprocessing import StandardScaler
from tensorflow.keras.layers import Dense, Dropout
from tensorflow.keras.losses import mean_squared_error
from tensorflow.keras.models import Sequential
from tensorflow.keras.regularizers import l2


class AutoEncoder:
    def __init__(self, hidden_neurons=None, hidden_activation="relu",
                 output_activation="sigmoid", loss=mean_squared_error,
                 optimizer="adam", epochs=100, batch_size=32, dropout_rate=0.2,
                 l2_regularizer=0.1, validation_size=0.1, preprocessing=True,
                 contamination=0.1):
        self.hidden_neurons = hidden_neurons or [64, 32, 32, 64]
        self.hidden_activation = hidden_activation
        self.output_activation = output_activation
        self.loss = loss
        self.optimizer = optimizer
        self.epochs = epochs
        self.batch_size = batch_size
        self.dropout_rate = dropout_rate
        self.l2_regularizer = l2_regularizer
        self.validation_size = validation_size
        self.preprocessing = preprocessing
        self.contamination = contamination

    def _build_model(self):
        model = Sequential()
        model.add(Dense(self.hidden_neurons[0], activation=self.hidden_activation,
                        input_shape=(self.n_features_,),
                        activity_regularizer=l2(self.l2_regularizer)))
        model.add(Dropout(self.dropout_rate))
        for neurons in self.hidden_neurons[1:]:
            model.add(Dense(neurons, activation=self.hidden_activation,
                            activity_regularizer=l2(self.l2_regularizer)))
            model.add(Dropout(self.dropout_rate))
        model.add(Dense(self.n_features_, activation=self.output_activation,
                        activity_regularizer=l2(self.l2_regularizer)))
        model.compile(loss=self.loss, optimizer=self.optimizer)
        return model

    def fit(self, X):
        self.n_samples_, self.n_features_ = X.shape
        if self.preprocessing:
            self.scaler_ = StandardScaler()
            X_norm = self.scaler_.fit_transform(X)
        else:
            X_norm = np.copy(X)
        np.random.shuffle(X_norm)
        self.model_ = self._build_model()
        self.history_ = self.model_.fit(X_norm, X_norm, epochs=self.epochs,
                                        batch_size=self.batch_size, shuffle=True,
                                        validation_split=self.validation_size).history
        pred = self.model_.predict(X_norm)
        self.decision_scores_ = np.sqrt(np.sum(np.square(pred - X_norm), axis=1))
        return self


if __name__ == "__main__":
    X_train = np.load("transactions.npy")
    clf = AutoEncoder(epochs=30)
    clf.fit(X_train)
    print(np.percentile(clf.decision_scores_, 90))
