# source: https://thedebonair.co.uk/post/why-is-the-accuracy-for-my-keras-model-always-0-when
# mistake: none - 2-unit softmax with categorical_crossentropy on to_categorical targets is a valid binary setup
# shape: literal; to_categorical without num_classes on 0/1 labels
# expect: none
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
from keras.utils import to_categorical

X_train = np.random.rand(1000, 20)
y_train = np.random.randint(0, 2, size=(1000, 1))
y_train = to_categorical(y_train)

model = Sequential()
model.add(Dense(64, input_dim=20, activation="relu"))
model.add(Dense(2, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=10, batch_size=10)
