# source: https://stackoverflow.com/questions/50483715
# mistake: none - a binary digit classifier on image folders: flow_from_directory(class_mode='binary') with Dense(1) + Activation('sigmoid') and binary_crossentropy (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s50483715_original.py)
# shape: flow_from_directory; class_mode='binary', separate Activation layer, input shape chosen by K.image_data_format()
# expect: none
from keras import backend as K
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Activation, Dropout, Flatten, Dense
from keras.preprocessing.image import ImageDataGenerator

img_width, img_height = 28, 28
train_data_dir = "binary_classifier/data/train"
validation_data_dir = "binary_classifier/data/val"
train_samples = 40000
validation_samples = 10000
epochs = 2
batch_size = 512

if K.image_data_format() == "channels_first":
    input_shape = (1, img_width, img_height)
else:
    input_shape = (img_width, img_height, 1)

model = Sequential()
model.add(Conv2D(32, (3, 3), input_shape=input_shape))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(64, (3, 3)))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(64))
model.add(Activation("relu"))
model.add(Dropout(0.5))
model.add(Dense(1))
model.add(Activation("sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="rmsprop", metrics=["accuracy"])

train_generator = ImageDataGenerator(rescale=1.0 / 255, horizontal_flip=True).flow_from_directory(
    train_data_dir, target_size=(img_width, img_height), color_mode="grayscale",
    batch_size=batch_size, class_mode="binary")
validation_generator = ImageDataGenerator(rescale=1.0 / 255).flow_from_directory(
    validation_data_dir, target_size=(img_width, img_height), color_mode="grayscale",
    batch_size=batch_size, class_mode="binary")
model.fit(train_generator, steps_per_epoch=train_samples // batch_size, epochs=epochs,
          validation_data=validation_generator, validation_steps=validation_samples // batch_size)
