# source: https://github.com/IBM/image-classification-using-cnn-and-keras/pull/13
# mistake: a multi-class image classifier trained from flow_from_directory (one-hot targets) ends in Dense(num_classes, activation="sigmoid") with categorical_crossentropy; the pull request replaced the sigmoid by softmax because the scores do not form one distribution, the maintainers answered that sigmoid "works fine"
# shape: flow_from_directory; head width len(train_generator.class_indices), unknown to the linter, model built by a helper taking the width
# expect: KL107 line 23
import numpy as np
from keras.layers import Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.preprocessing.image import ImageDataGenerator

IMG_SIZE = (64, 64)
BATCH = 16


def make_classifier(n_out):
    net = Sequential()
    net.add(Conv2D(32, (3, 3), activation="relu", input_shape=IMG_SIZE + (3,)))
    net.add(MaxPooling2D(pool_size=(2, 2)))
    net.add(Conv2D(64, (3, 3), activation="relu"))
    net.add(MaxPooling2D(pool_size=(2, 2)))
    net.add(Flatten())
    net.add(Dense(128, activation="relu"))
    net.add(Dropout(0.5))
    net.add(Dense(n_out, activation="sigmoid"))
    return net


augment = ImageDataGenerator(rescale=1.0 / 255, shear_range=0.2, zoom_range=0.2, horizontal_flip=True)
train_generator = augment.flow_from_directory("data/train", target_size=IMG_SIZE, batch_size=BATCH,
                                              class_mode="categorical")
test_generator = ImageDataGenerator(rescale=1.0 / 255).flow_from_directory(
    "data/test", target_size=IMG_SIZE, batch_size=BATCH, class_mode="categorical", shuffle=False)

num_classes = len(train_generator.class_indices)
classifier = make_classifier(num_classes)
classifier.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
classifier.fit(train_generator, epochs=25, validation_data=test_generator)

scores = classifier.predict(test_generator)
predicted = np.argmax(scores, axis=1)
