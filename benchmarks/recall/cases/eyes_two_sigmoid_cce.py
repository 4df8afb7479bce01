# source: https://codewithsundeep.com/discussion/solution/62454130
# mistake: open/closed-eye classifier with two sigmoid units trained with categorical_crossentropy on one-hot labels
# shape: literal; literal, Sequential list, module-level hyperparameters
# expect: KL107 line 24
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, MaxPooling2D, Flatten, Dense
from tensorflow.keras.utils import to_categorical

num_filters = 8
filter_size = 3
pool_size = 2

train_images = np.load("eyes_train.npy")
train_labels = np.load("eyes_train_labels.npy")
test_images = np.load("eyes_test.npy")
test_labels = np.load("eyes_test_labels.npy")

model = Sequential([
    Conv2D(num_filters, filter_size, input_shape=(90, 90, 1)),
    MaxPooling2D(pool_size=pool_size),
    Flatten(),
    Dense(16, activation="relu"),
    Dense(2, activation="sigmoid"),
])
model.compile("adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_images, to_categorical(train_labels), epochs=3,
          validation_data=(test_images, to_categorical(test_labels)))
