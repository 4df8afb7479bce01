# source: https://github.com/keras-team/keras/issues/11749
# mistake: none - per-step softmax over 90 symbols with categorical_crossentropy on one-hot targets (num_classes matches)
# shape: TimeDistributed head; TimeDistributed Dense + separate Activation, to_categorical with a num_classes variable
# expect: none
import numpy as np
from keras.layers import Input, Embedding, Bidirectional, GRU, TimeDistributed, Dense, Activation
from keras.models import Model
from keras.utils import to_categorical

size_of_vocabulary = 90
x = np.load("seq_x.npy")
y = np.load("seq_y.npy")
categorical_y_labels = to_categorical(y, num_classes=size_of_vocabulary)

input_layer = Input(shape=x.shape[1:])
rnn = Embedding(size_of_vocabulary, 200)(input_layer)
rnn = Bidirectional(GRU(64, return_sequences=True))(rnn)
rnn = TimeDistributed(Dense(size_of_vocabulary))(rnn)
rnn = Activation("softmax")(rnn)
model = Model(inputs=input_layer, outputs=rnn)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["categorical_accuracy"])
model.fit(x, categorical_y_labels, epochs=50)
