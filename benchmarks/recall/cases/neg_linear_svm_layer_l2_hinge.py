# source: https://github.com/keras-team/keras/issues/4598
# mistake: none - the answer's SVM in Keras: a single Dense(1, kernel_regularizer=l2(C), activation="linear") trained with loss="hinge"; a linear output can go negative as hinge needs, and Keras turns 0/1 labels into -1/1 itself; the data is filled in with a scikit-learn binary problem
# shape: scikit-learn generator; make_classification labels 0/1, regularisation strength from a module constant
# expect: none
from keras.layers import Dense
from keras.models import Sequential
from keras.regularizers import l2
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

C = 0.01

X, y = make_classification(n_samples=5000, n_features=40, n_informative=10, random_state=0)
X = StandardScaler().fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)

m_svm = Dense(1, kernel_regularizer=l2(C), activation="linear", input_dim=X.shape[1])
model = Sequential([m_svm])
model.compile(loss="hinge", optimizer="sgd")
model.fit(X_train, y_train, epochs=50, batch_size=64, validation_data=(X_test, y_test))
scores = model.predict(X_test)
print(((scores[:, 0] > 0).astype(int) == y_test).mean())
