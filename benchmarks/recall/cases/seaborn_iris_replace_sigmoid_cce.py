# source: https://stackoverflow.com/questions/70650848
# mistake: iris species mapped to 0/1/2 with replace() are fitted by a single sigmoid unit compiled with categorical_crossentropy (one unit, and integer labels that were never one-hot encoded) (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/70650848)
# shape: pandas column; labels from iris.species.replace({...: 0, 1, 2}), Sequential list with BatchNormalization and Dropout, input width from X.shape[1]
# expect: KL103 line 31
# expect: KL202 line 31
import seaborn as sns
from keras import Sequential
from keras.callbacks import EarlyStopping
from keras.layers import BatchNormalization, Dense, Dropout
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

iris = sns.load_dataset("iris")
X = iris.iloc[:, :4]
y = iris.species.replace({"setosa": 0, "versicolor": 1, "virginica": 2})
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=69)

sc = StandardScaler()
X_train = sc.fit_transform(X_train)
X_test = sc.transform(X_test)

nn_model = Sequential([
    Dense(4, activation="relu", input_shape=[X.shape[1]]),
    BatchNormalization(),
    Dropout(0.3),
    Dense(4, activation="relu"),
    BatchNormalization(),
    Dropout(0.3),
    Dense(1, activation="sigmoid"),
])
nn_model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=["categorical_accuracy"])
early_stopping = EarlyStopping(min_delta=1e-3, patience=10, restore_best_weights=True)
fit = nn_model.fit(
    X_train, y_train, validation_data=(X_test, y_test), batch_size=16, epochs=200,
    callbacks=[early_stopping], verbose=1,
)
