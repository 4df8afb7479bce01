# source: https://github.com/KyrieCham/CourseProject/blob/41c6917602570c1d511e1036054e2430cf830cd6/lstm_rnn.py
# mistake: an LSTM sentiment model ends in Dense(1) followed by Activation('softmax') (always 1.0) and is compiled with loss='categorical-crossentropy', a hyphenated name no Keras accepts
# shape: separate Activation layer; Dense(1) then Activation('softmax') in a model.add chain, loss string with a hyphen (training arrays loaded from saved files, which the repository file leaves undefined)
# expect: KL101 line 18
# expect: KL301 line 20
import numpy as np
from keras.layers import LSTM, Activation, Dense
from keras.models import Sequential

batch_size = 32
X_train, y_train = np.load("reviews_train_x.npy"), np.load("reviews_train_y.npy")
X_test, y_test = np.load("reviews_test_x.npy"), np.load("reviews_test_y.npy")

print("Build model...")
model = Sequential()
model.add(LSTM(128, dropout=0.2, recurrent_dropout=0.2))
model.add(Dense(1))
model.add(Activation("softmax"))

model.compile(loss="categorical-crossentropy", optimizer="adam", metrics=["accuracy"])

print("Train...")
model.fit(X_train, y_train, batch_size=batch_size, epochs=10, validation_data=(X_test, y_test))
score, acc = model.evaluate(X_test, y_test, batch_size=batch_size)
print("Test score:", score)
print("Test accuracy:", acc)
