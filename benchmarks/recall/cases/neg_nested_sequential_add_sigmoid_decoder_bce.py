# source: https://github.com/Steve-Shillitoe/Deep-Learning-With-Keras/blob/5d4665eba46ebd5a38244c19a3cf75e3f22563ab/Autoencoder_Images.py
# mistake: none - the same denoising autoencoder with its decoder's last Dense given activation='sigmoid', the fix for the relu output: pixels in [0, 1] and binary_crossentropy on a sigmoid output are correct
# shape: nested Sequential; encoder and decoder are each an empty Sequential() grown with .add(), then stacked as Sequential([encoder, decoder])
# expect: none
import tensorflow as tf
from tensorflow.keras.datasets import mnist
from tensorflow.keras.layers import Dense, Flatten, GaussianNoise, Reshape
from tensorflow.keras.models import Sequential

(train_images, _), (test_images, _) = mnist.load_data()
train_images = train_images / 255
test_images = test_images / 255

tf.random.set_seed(7)
code_size = 25

encoder = Sequential()
encoder.add(Flatten(input_shape=[28, 28]))
encoder.add(GaussianNoise(0.2))
for width in (400, 200, 100, 50):
    encoder.add(Dense(units=width, activation="relu"))
encoder.add(Dense(units=code_size, activation="relu"))

decoder = Sequential()
decoder.add(Dense(units=50, activation="relu", input_shape=[code_size]))
decoder.add(Dense(units=100, activation="relu"))
decoder.add(Dense(units=200, activation="relu"))
decoder.add(Dense(units=400, activation="relu"))
decoder.add(Dense(units=28 * 28, activation="sigmoid"))
decoder.add(Reshape([28, 28]))

denoiser = Sequential([encoder, decoder])
denoiser.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
denoiser.fit(train_images, train_images, epochs=10, validation_data=(test_images, test_images))
cleaned = denoiser.predict(test_images[:10])
