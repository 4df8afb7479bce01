# source: https://github.com/akrstova/cnn-gan-experiments/blob/d8b595f3acd8768d4be70cf912d0a07cc9b6d0aa/cnn/cnn_v3_4classes.py
# mistake: after adding two classes to a cats/dogs CNN the author kept a sigmoid head, Dense(units=4, activation='sigmoid') ("to give the probability of each of the 4 classes"), and switched the loss to categorical_crossentropy on one-hot generator labels: the four sigmoids are not a distribution
# shape: flow_from_directory; class_mode='categorical' generators with augmentation, classifier.add chain, fit on the generators
# expect: KL107 line 23
from keras.layers import Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.preprocessing.image import ImageDataGenerator

classifier = Sequential()

classifier.add(Conv2D(32, (3, 3), input_shape=(64, 64, 3), activation="relu"))
classifier.add(MaxPooling2D(pool_size=(2, 2)))
classifier.add(Dropout(0.25))

classifier.add(Conv2D(32, (3, 3), activation="relu"))
classifier.add(MaxPooling2D(pool_size=(2, 2)))
classifier.add(Dropout(0.25))

classifier.add(Flatten())
classifier.add(Dense(units=128, activation="relu"))

# sigmoid output: the probability of each of the 4 classes
classifier.add(Dense(units=4, activation="sigmoid"))

classifier.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

train_datagen = ImageDataGenerator(rescale=1.0 / 255, shear_range=0.2, zoom_range=0.2, horizontal_flip=True)
test_datagen = ImageDataGenerator(rescale=1.0 / 255)

training_set = train_datagen.flow_from_directory(
    "training_set/second_attempt", target_size=(64, 64), batch_size=32, class_mode="categorical"
)
test_set = test_datagen.flow_from_directory(
    "test_set/second_attempt", target_size=(64, 64), batch_size=32, class_mode="categorical"
)

classifier.fit(training_set, steps_per_epoch=250, epochs=25, validation_data=test_set, validation_steps=65)
