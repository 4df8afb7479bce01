# source: https://github.com/boncey/Flickr4Java/issues/354
# mistake: three spectrogram classes, one-hot with to_categorical(num_classes=3), trained with binary_crossentropy on a 3-way softmax (model and compile filled in around the BCE line the reporter quoted)
# shape: literal; to_categorical with num_classes=3, loss with an RMSprop object
# expect: KL102 line 25
import numpy as np
from keras.utils import to_categorical
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Dropout
from keras.optimizers import RMSprop

spect = np.load("spectrograms.npy")          # (n, 128, 128, 1)
spectlable = np.load("spect_labels.npy")     # 0, 1, 2
one_hot_labels = to_categorical(spectlable, num_classes=3)

model = Sequential()
model.add(Conv2D(32, (3, 3), activation="relu", input_shape=(128, 128, 1)))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(64, (3, 3), activation="relu"))
model.add(MaxPooling2D((2, 2)))
model.add(Flatten())
model.add(Dense(128, activation="relu"))
model.add(Dropout(0.5))
model.add(Dense(3, activation="softmax"))

model.compile(RMSprop(learning_rate=0.001, rho=0.9), loss="binary_crossentropy",
              metrics=["accuracy"])
model.fit(spect, one_hot_labels, epochs=30, batch_size=32, validation_split=0.2)
