# source: https://kiwix.lema.org/stackoverflow.com_en_all_2023-11/questions/51731812/keras-implementing-svm-using-hinger-or-categorical-hinge
# mistake: none - the question's first method for an SVM on top of a network: two linear output units, one per class, trained with categorical_hinge on one-hot labels of shape (n, 2); a linear output can go negative, which is what a hinge loss needs
# shape: activation as a separate layer; Dense(nb_classes) followed by Activation("linear"), l2 kernel regularizer, one-hot labels from to_categorical
# expect: none
import numpy as np
from keras.layers import Activation, Dense, Dropout
from keras.models import Sequential
from keras.regularizers import l2
from keras.utils import to_categorical

nb_classes = 2

x_train = np.load("embeddings.npy")
y_train = to_categorical(np.load("labels.npy"), nb_classes)

model = Sequential()
model.add(Dense(128, activation="relu", input_shape=(x_train.shape[1],)))
model.add(Dropout(0.5))
model.add(Dense(nb_classes, kernel_regularizer=l2(0.01)))
model.add(Activation("linear"))
model.compile(loss="categorical_hinge", optimizer="adadelta", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=50, batch_size=32)
