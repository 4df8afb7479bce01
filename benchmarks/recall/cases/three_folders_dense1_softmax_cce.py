# source: http://codegur.com/46685698/how-to-do-multi-label-image-classification-in-keras
# mistake: the cats-vs-dogs tutorial script extended with a third folder (aeroplane): class_mode, loss and the activation were switched to categorical/softmax, but the last layer stayed Dense(1), so the softmax is over one unit and the categorical loss sees a single output ("expected activation_10 to have shape (None, 1) but got array with shape (16, 3)")
# shape: separate Activation layer; Dense(1) then Activation('softmax'), flow_from_directory with class_mode='categorical'
# expect: KL101 line 38/39
# expect: KL103 line 40
from keras import backend as K
from keras.layers import Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.preprocessing.image import ImageDataGenerator

img_width, img_height = 150, 150
train_data_dir = "data/train"
validation_data_dir = "data/validation"
nb_train_samples = 3000
nb_validation_samples = 1200
epochs = 50
batch_size = 16

if K.image_data_format() == "channels_first":
    input_shape = (3, img_width, img_height)
else:
    input_shape = (img_width, img_height, 3)

model = Sequential()
model.add(Conv2D(32, (3, 3), input_shape=input_shape))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(32, (3, 3)))
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
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])

train_datagen = ImageDataGenerator(rescale=1.0 / 255, shear_range=0.2, zoom_range=0.2, horizontal_flip=True)
test_datagen = ImageDataGenerator(rescale=1.0 / 255)
train_generator = train_datagen.flow_from_directory(
    train_data_dir, target_size=(img_width, img_height), batch_size=batch_size, class_mode="categorical"
)
validation_generator = test_datagen.flow_from_directory(
    validation_data_dir, target_size=(img_width, img_height), batch_size=batch_size, class_mode="categorical"
)
model.fit(
    train_generator,
    steps_per_epoch=nb_train_samples // batch_size,
    epochs=epochs,
    validation_data=validation_generator,
    validation_steps=nb_validation_samples // batch_size,
)
model.save_weights("first_try.h5")
