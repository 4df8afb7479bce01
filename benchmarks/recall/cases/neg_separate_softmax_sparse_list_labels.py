# source: https://github.com/keras-team/keras/issues/3009
# mistake: none - Dense(10) then Activation('softmax') with sparse_categorical_crossentropy on plain integer labels (the report was a Keras shape-check bug, the model is right)
# shape: literal; targets given as a Python list of integers, separate Activation layer
# expect: none
from keras.layers import Dense, Activation
from keras.models import Sequential

model = Sequential([
    Dense(32, input_dim=2),
    Activation("relu"),
    Dense(10),
    Activation("softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="sgd")
model.fit([[0, 1], [1, 1], [1, 0]], [1, 2, 3])
