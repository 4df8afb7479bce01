# source: https://github.com/01-edu/public/pull/1779
# mistake: none - the exercise after the pull request: the same helper compiles the single sigmoid unit with binary_crossentropy on the 0/1 breast cancer targets
# shape: helper that compiles a parameter; train_classifier(x, y, loss_name) builds, compiles with the loss it is given and fits, called with the exercise's loss string, StandardScaler on the inputs, load_breast_cancer targets
# expect: none
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=43)
scaler = StandardScaler()
X_train = scaler.fit_transform(X_train)
X_test = scaler.transform(X_test)


def train_classifier(x, labels, loss_name, epochs=300):
    model = Sequential([
        Dense(30, activation="relu", input_shape=(x.shape[1],)),
        Dense(15, activation="relu"),
        Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="adam", loss=loss_name, metrics=["accuracy"])
    model.fit(x, labels, epochs=epochs, batch_size=32, verbose=0)
    return model


EXERCISE_LOSS = "binary_crossentropy"

classifier = train_classifier(X_train, y_train, EXERCISE_LOSS)
print(classifier.evaluate(X_test, y_test))
