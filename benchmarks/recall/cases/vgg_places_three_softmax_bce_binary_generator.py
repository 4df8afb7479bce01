# source: https://stackoverflow.com/questions/49392972
# mistake: a VGG16-style network written out layer by layer for three place categories ends in Dense(3, activation='softmax') and is compiled with binary_crossentropy, with the generators in class_mode='binary' (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s49392972_original.py, whose line breaks are garbled; the layer list is restored)
# shape: flow_from_directory; class_mode='binary' generators, input shape chosen by K.image_data_format() in an if/else
# expect: KL102 line 49
from keras import backend as K
from keras.models import Sequential
from keras.layers import Dense, Flatten, Conv2D, MaxPooling2D
from keras.preprocessing.image import ImageDataGenerator

img_width, img_height = 224, 224
train_data_dir = "places/train"
validation_data_dir = "places/validation"
save_filename = "vgg_trained_model.h5"
training_samples = 15
validation_samples = 5
batch_size = 5
epochs = 5

if K.image_data_format() == "channels_first":
    input_shape = (3, img_width, img_height)
else:
    input_shape = (img_width, img_height, 3)

model = Sequential([
    Conv2D(64, (3, 3), activation="relu", input_shape=input_shape, padding="same"),
    Conv2D(64, (3, 3), activation="relu", padding="same"),
    MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    Conv2D(128, (3, 3), activation="relu", padding="same"),
    Conv2D(128, (3, 3), activation="relu", padding="same"),
    MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    Conv2D(256, (3, 3), activation="relu", padding="same"),
    Conv2D(256, (3, 3), activation="relu", padding="same"),
    Conv2D(256, (3, 3), activation="relu", padding="same"),
    MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    Conv2D(512, (3, 3), activation="relu", padding="same"),
    Conv2D(512, (3, 3), activation="relu", padding="same"),
    Conv2D(512, (3, 3), activation="relu", padding="same"),
    MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    Conv2D(512, (3, 3), activation="relu", padding="same"),
    Conv2D(512, (3, 3), activation="relu", padding="same"),
    Conv2D(512, (3, 3), activation="relu", padding="same"),
    MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    Flatten(),
    Dense(4096, activation="relu"),
    Dense(4096, activation="relu"),
    Dense(3, activation="softmax"),
])
model.summary()
model.compile(loss="binary_crossentropy",
              optimizer="rmsprop",
              metrics=["accuracy"])

train_datagen = ImageDataGenerator()
validation_datagen = ImageDataGenerator()
train_generator = train_datagen.flow_from_directory(
    train_data_dir, target_size=(img_width, img_height),
    batch_size=batch_size, class_mode="binary")
validation_generator = validation_datagen.flow_from_directory(
    validation_data_dir, target_size=(img_width, img_height),
    batch_size=batch_size, class_mode="binary")

model.fit(train_generator,
          steps_per_epoch=training_samples // batch_size,
          epochs=epochs,
          validation_data=validation_generator,
          validation_steps=validation_samples // batch_size)
model.save_weights(save_filename)
