# source: https://github.com/filipefborba/HandRecognition/issues/2
# mistake: none - gesture labels are folder indices appended in a loop (0..9, integers), so sparse_categorical_crossentropy with a 10-way softmax is right, as the thread concludes
# shape: units from len(list); labels appended as integers in a loop over folders, width len(gestures)
# expect: none
import os
import numpy as np
from PIL import Image
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

gestures = sorted(os.listdir("leapGestRecog/00"))
x_data, y_data = [], []
for subject in range(10):
    for index, gesture in enumerate(gestures):
        folder = os.path.join("leapGestRecog", "0" + str(subject), gesture)
        for name in os.listdir(folder):
            img = Image.open(os.path.join(folder, name)).convert("L").resize((120, 320))
            x_data.append(np.array(img))
            y_data.append(index)

x_data = np.array(x_data, dtype="float32").reshape((-1, 120, 320, 1)) / 255.0
y_data = np.array(y_data)

model = Sequential()
model.add(Conv2D(32, (5, 5), activation="relu", input_shape=(120, 320, 1)))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(64, (3, 3), activation="relu"))
model.add(MaxPooling2D((2, 2)))
model.add(Flatten())
model.add(Dense(128, activation="relu"))
model.add(Dense(len(gestures), activation="softmax"))
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_data, y_data, epochs=5, batch_size=64, validation_split=0.2)
