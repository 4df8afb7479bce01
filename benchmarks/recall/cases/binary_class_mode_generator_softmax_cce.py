# source: https://github.com/keras-team/keras/issues/5034
# mistake: both generators use flow_from_directory(..., class_mode="binary"), which yields one class index per image, while the model is compiled with categorical_crossentropy, which needs one-hot rows (the reporter: "fit_generator seems to need one-hot encoding for the labels"); the model, not shown in the report, is filled in as a small CNN with a softmax head over the class folders
# shape: flow_from_directory; class_mode="binary" on a folder tree, units from len(os.listdir(train_dir))
# expect: KL202 line 38
import os

from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.preprocessing.image import ImageDataGenerator

train_dir = "data/train"
val_dir = "data/validation"
batch_size = 16
nb_epoch = 30
n_classes = len(os.listdir(train_dir))

datagen = ImageDataGenerator(width_shift_range=.1, height_shift_range=.1,
                             shear_range=0, zoom_range=.15,
                             rescale=None, fill_mode="constant", cval=0.,
                             horizontal_flip=True, vertical_flip=True)
valdatagen = ImageDataGenerator(width_shift_range=.1, height_shift_range=.1,
                                zoom_range=.15, fill_mode="constant", cval=0.,
                                horizontal_flip=True, vertical_flip=True)

train_generator = datagen.flow_from_directory(train_dir, target_size=(256, 256),
                                              batch_size=batch_size, class_mode="binary")
validation_generator = valdatagen.flow_from_directory(val_dir, target_size=(256, 256),
                                                      batch_size=batch_size, class_mode="binary")

model = Sequential()
model.add(Conv2D(32, 3, activation="relu", input_shape=(256, 256, 3)))
model.add(MaxPooling2D())
model.add(Conv2D(64, 3, activation="relu"))
model.add(MaxPooling2D())
model.add(Flatten())
model.add(Dense(128, activation="relu"))
model.add(Dense(n_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adadelta", metrics=["accuracy"])

model.fit(train_generator, epochs=nb_epoch, validation_data=validation_generator)
