# source: https://github.com/keras-team/keras/issues/2194
# mistake: none - a Chinese word segmenter tags each character with one of {B, M, E, S}: LSTM encoder, RepeatVector, TimeDistributed(Dense(y_feature)) and Activation("softmax") with categorical_crossentropy on one-hot tag sequences; the reported nan comes from the relu LSTM, the loss/output/target pairing is right (TimeDistributedDense rewritten as TimeDistributed(Dense))
# shape: TimeDistributed head; units and lengths unpacked from y_train.shape, padding masked with sample_weight
# expect: none
import numpy as np
from keras.layers import LSTM, Activation, Dense, Dropout, Masking, RepeatVector, TimeDistributed
from keras.models import Sequential

HIDDEN_SIZE = 256

x_train = np.load("char_glyph_vectors.npy")       # (n, 1019, 64), zero-padded
y_train = np.load("tag_onehot.npy")               # (n, 1019, 4), one-hot B/M/E/S
m_train = np.load("tag_mask.npy")                 # (n, 1019), 0 on padding

print("Build model ...")
_, xmax_timestamp, x_feature = x_train.shape
_, ymax_timestamp, y_feature = y_train.shape
model = Sequential()
model.add(Masking(input_shape=(xmax_timestamp, x_feature)))
model.add(LSTM(HIDDEN_SIZE, activation="relu"))
model.add(Dropout(0.2))
model.add(RepeatVector(ymax_timestamp))
model.add(TimeDistributed(Dense(y_feature)))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(x_train, y_train, batch_size=32, epochs=10, sample_weight=m_train)
