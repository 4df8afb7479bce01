# source: https://github.com/adriangb/scikeras/issues/318
# mistake: none - a genre classifier built by build_model(optimizer, neurons) for KerasClassifier + GridSearchCV: Dense(len(generos), activation='softmax') with categorical_crossentropy on one-hot genres (the issue is about routing the 'neurons' parameter; the one-hot encoding of the genres is filled in)
# shape: scikit-learn wrapper; units from len() of a collection, builder with keyword defaults passed through KerasClassifier(build_fn=...)
# expect: none
import pandas as pd
from keras.layers import Dense, Dropout, Embedding, Flatten
from keras.models import Sequential
from keras.preprocessing.sequence import pad_sequences
from keras.preprocessing.text import Tokenizer
from keras.utils import to_categorical
from scikeras.wrappers import KerasClassifier
from sklearn.model_selection import GridSearchCV, train_test_split

NUM_PALABRAS = 5000
longitud_maxima = 200

canciones = pd.read_csv("letras.csv")
generos = sorted(canciones["genero"].unique())
indice = {g: i for i, g in enumerate(generos)}
tokenizer = Tokenizer(num_words=NUM_PALABRAS)
tokenizer.fit_on_texts(canciones["letra"])
X = pad_sequences(tokenizer.texts_to_sequences(canciones["letra"]), maxlen=longitud_maxima)
y = to_categorical(canciones["genero"].map(indice), num_classes=len(generos))
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)


def build_model(optimizer="adam", neurons=60):
    model = Sequential()
    model.add(Embedding(NUM_PALABRAS, neurons, input_length=longitud_maxima))
    model.add(Dropout(0.2))
    model.add(Flatten())
    model.add(Dense(12, activation="relu"))
    model.add(Dropout(0.3))
    model.add(Dense(len(generos), activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer=optimizer, metrics=["accuracy"])
    return model


param_grids = dict(model__neurons=[30, 60, 90], batch_size=[10], model__optimizer=["adam", "rmsprop"])
model = KerasClassifier(model=build_model, verbose=2)
grid = GridSearchCV(estimator=model, param_grid=param_grids, n_jobs=-1)
result = grid.fit(X_train, y_train)
print("Best: {} using {}".format(result.best_score_, result.best_params_))
