# source: https://github.com/keras-team/keras/issues/5113
# mistake: imdb_cnn.py adapted to three classes: the labels from imdb.load_data() get a third value by `y_train[22000:] = 2` and the head becomes Dense(3) + Activation("softmax") with categorical_crossentropy, but the targets stay one integer per review (the reported error: expected shape (None, 3) but got (25000, 1)); they need to_categorical or the sparse loss
# shape: keras.datasets; imdb.load_data labels relabelled by slice assignment, Conv1D text model with a separate Activation layer
# expect: KL202 line 37
from keras.datasets import imdb
from keras.layers import Activation, Conv1D, Dense, Dropout, Embedding, GlobalMaxPooling1D
from keras.models import Sequential
from keras.preprocessing import sequence

max_features = 5000
maxlen = 400
batch_size = 32
embedding_dims = 50
filters = 250
kernel_size = 3
hidden_dims = 250
epochs = 2

(x_train, y_train), (x_test, y_test) = imdb.load_data(num_words=max_features)
y_train[22000:] = 2
y_test[22000:] = 2

x_train = sequence.pad_sequences(x_train, maxlen=maxlen)
x_test = sequence.pad_sequences(x_test, maxlen=maxlen)

model = Sequential()
model.add(Embedding(max_features, embedding_dims))
model.add(Dropout(0.2))
model.add(Conv1D(filters, kernel_size, padding="valid", activation="relu", strides=1))
model.add(GlobalMaxPooling1D())
model.add(Dense(hidden_dims))
model.add(Dropout(0.2))
model.add(Activation("relu"))
model.add(Dense(3))
model.add(Activation("softmax"))

model.compile(loss="categorical_crossentropy",
              optimizer="adam",
              metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=batch_size, epochs=epochs,
          validation_data=(x_test, y_test))
