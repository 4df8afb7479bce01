# source: https://stackoverflow.com/questions/68321264
# mistake: Fashion-MNIST reduced to its first three classes (filtered in a loop, then to_categorical) is fitted by a CNN ending in Dense(1) + Activation('softmax') with binary_crossentropy: the single softmax unit always outputs 1.0 (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/68321264)
# shape: separate Activation layer; labels filtered with a for loop and appended, to_categorical, Dense(1) then Activation('softmax')
# expect: KL101 line 37/38
import numpy as np
from keras import Sequential
from keras.datasets import fashion_mnist
from keras.layers import Activation, Conv2D, Dense, Flatten, MaxPooling2D
from keras.utils import to_categorical
from sklearn.model_selection import train_test_split

# keep only T-shirts (0), trousers (1) and pullovers (2), from both splits
(train_images, train_labels), (test_images, test_labels) = fashion_mnist.load_data()
kept_images = []
kept_labels = []
for images, labels in ((train_images, train_labels), (test_images, test_labels)):
    for image, label in zip(images, labels):
        if label <= 2:
            kept_images.append(image)
            kept_labels.append(label)
kept_images = np.array(kept_images)[..., np.newaxis] / 255.0
kept_labels = np.array(kept_labels)

x_tr, x_te, y_tr, y_te = train_test_split(kept_images, kept_labels, test_size=0.3, stratify=kept_labels)
y_tr = to_categorical(y_tr)
y_te = to_categorical(y_te)

model = Sequential()
model.add(Conv2D(64, (3, 3), input_shape=x_tr.shape[1:]))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(64, (3, 3)))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(64))
model.add(Dense(1))
model.add(Activation("softmax"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(x_tr, y_tr, batch_size=24, epochs=3, validation_split=0.1)
print(model.evaluate(x_te, y_te))
