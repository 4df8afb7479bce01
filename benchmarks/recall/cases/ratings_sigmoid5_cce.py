# source: https://stackoverflow.org.cn/questions/42638260
# mistake: 1-5 rating treated as 5 classes, but the 5-unit output uses sigmoid with categorical_crossentropy
# shape: literal; functional API, named output layer, labels from np.asarray + to_categorical
# expect: KL107 line 17
import numpy as np
from keras.layers import Input, Embedding, LSTM, Dense
from keras.models import Model
from keras.utils import to_categorical

texts = np.load("reviews_padded.npy")
labels = np.load("review_stars.npy") - 1
labels = to_categorical(np.asarray(labels))

main_input = Input(shape=(200,), dtype="int32", name="main_input")
x = Embedding(output_dim=128, input_dim=20000, input_length=200)(main_input)
x = LSTM(64)(x)
main_output = Dense(5, activation="sigmoid", name="main_output")(x)
model = Model(inputs=main_input, outputs=main_output)
model.compile(optimizer="rmsprop", loss="categorical_crossentropy",
              metrics=["mean_squared_error"], loss_weights=[0.2])
model.fit(texts, labels, epochs=10, batch_size=32)
