# source: https://github.com/mehilshah/Bug_Reproducibility_DL_Bugs/blob/5905ca9767d057c0e9f45851c681c14633688c90/Bugs/032/main.py
# mistake: two iris models (4 and 8 hidden units) both end in one sigmoid unit trained with categorical_crossentropy on the three integer species labels of load_iris: the loss is constant on one unit and the labels were never one-hot encoded
# shape: scikit-learn loader; datasets.load_iris(return_X_y=True), the same model written out twice with a different hidden width, evaluate after each fit
# expect: KL103 line 17
# expect: KL202 line 17
# expect: KL103 line 25
# expect: KL202 line 25
from keras.layers import Dense
from keras.models import Sequential
from sklearn import datasets

X, y = datasets.load_iris(return_X_y=True)

first = Sequential()
first.add(Dense(4, input_dim=4, activation="relu"))
first.add(Dense(1, activation="sigmoid"))
first.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
first.fit(X, y, epochs=10, batch_size=4, verbose=0)
scores = first.evaluate(X, y)
print("\n%s: %.2f%%" % (first.metrics_names[1], scores[1] * 100))

second = Sequential()
second.add(Dense(8, input_dim=4, activation="relu"))
second.add(Dense(1, activation="sigmoid"))
second.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
second.fit(X, y, epochs=10, batch_size=4, verbose=0)
scores = second.evaluate(X, y)
print("\n%s: %.2f%%" % (second.metrics_names[1], scores[1] * 100))
