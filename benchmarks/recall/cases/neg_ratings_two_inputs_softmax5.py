# source: https://whosebug.com/question/4051439/Keras-loss-function-does-not-decrease-on-mean-squared-error
# mistake: none - the classification version of the rating model (5-way softmax, categorical_crossentropy, one-hot ratings) is correct
# shape: functional multi-input; functional, shared Dense applied to two inputs, to_categorical targets
# expect: none
import numpy as np
from keras.layers import Input, Dense, concatenate
from keras.models import Model
from keras.optimizers import Adam
from keras.utils import to_categorical

features = 32
inputU = np.load("user_features.npy")
inputM = np.load("movie_features.npy")
ratings = np.load("ratings.npy").astype("int64") - 1
outputY = to_categorical(ratings, num_classes=5)

inputLayerU = Input(shape=(features,))
inputLayerM = Input(shape=(features,))
dense1 = Dense(features, activation="relu")
denseU = dense1(inputLayerU)
denseM = dense1(inputLayerM)
concatLayer = concatenate([denseU, denseM], axis=1)
denseLayer = Dense(features * 2, activation="relu")(concatLayer)
outputLayer = Dense(5, activation="softmax")(denseLayer)

model = Model(inputs=[inputLayerU, inputLayerM], outputs=outputLayer)
model.compile(loss="categorical_crossentropy", optimizer=Adam(learning_rate=0.01), metrics=["accuracy"])
model.fit([inputU, inputM], outputY, epochs=10, batch_size=64)
