# source: https://github.com/balorian1999/Data_Science/blob/19530266a42fed8c1b59ca81694e3e27bcb17d0b/Deep_Leraning/deep_neural.py
# mistake: three exclusive iris species on a 3-unit sigmoid output trained with sparse_categorical_crossentropy: independent sigmoids are renormalised into a fake distribution
# shape: scikit-learn generator; load_iris().target split with train_test_split, tf.keras Sequential via add
# expect: KL107 line 18
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split

iris = load_iris()
x = iris.data
y = iris.target
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.30, random_state=1)

import tensorflow as tf
from tensorflow import keras
ml = keras.models.Sequential()
ml.add(keras.layers.Dense(units=2, activation='relu', input_shape=(4,)))
ml.add(keras.layers.Dense(units=3, activation='relu'))
ml.add(keras.layers.Dense(units=3, activation='sigmoid'))
ml.summary()
ml.compile(loss='sparse_categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
ml.fit(x_train, y_train)
test_loss, test_accuracy = ml.evaluate(x_test, y_test)
