# source: https://stackoverflow.com/questions/47241622
# mistake: a stateful LSTM binary classifier ends in Dense(1, activation='softmax'), which outputs 1.0 for every sequence, and is trained with binary_crossentropy
# shape: scikit-learn generator; make_classification targets, stateful LSTM with batch_input_shape built from the data's shape
# expect: KL101 line 19
from keras import Sequential
from keras.layers import LSTM, Dense
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split

C, r = make_classification(50000, 128)
C = C.reshape(-1, 128, 1)
tr_C, ts_C, tr_r, ts_r = train_test_split(C, r, train_size=.8)
batch_size = 200

print('>>> Build STATEFUL model...')
model = Sequential()
model.add(LSTM(128, batch_input_shape=(batch_size, C.shape[1], C.shape[2]),
               return_sequences=False, stateful=True))
model.add(Dense(1, activation='softmax'))

print('>>> Training...')
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(tr_C, tr_r, batch_size=batch_size, epochs=1, shuffle=True,
          validation_data=(ts_C, ts_r))
