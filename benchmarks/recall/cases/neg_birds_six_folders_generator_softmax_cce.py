# source: https://stackoverflow.com/questions/47272383
# mistake: none - six bird species from folders: flow_from_directory(class_mode='categorical') with Dense(6) + Activation('softmax') and categorical_crossentropy (program read through its reproduction in confanonymous/Theia SOF/47272383.py)
# shape: flow_from_directory; class_mode='categorical', separate Activation layer, L2 regularisation from a module constant
# expect: none
from tensorflow.keras import regularizers
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import (Conv2D, MaxPooling2D, BatchNormalization, Activation,
                                     Dropout, Flatten, Dense)

img_width, img_height = 512, 512
train_data_dir = "birds/train"
validation_data_dir = "birds/test"
batch_size = 64
reg = 0.0001
input_shape = (img_width, img_height, 3)

model = Sequential()
model.add(Conv2D(8, (3, 3), input_shape=input_shape, padding="same",
                 kernel_regularizer=regularizers.l2(reg)))
model.add(BatchNormalization())
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.5))
model.add(Conv2D(16, (3, 3), padding="same", kernel_regularizer=regularizers.l2(reg)))
model.add(BatchNormalization())
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.5))
model.add(Flatten())
model.add(Dense(16, kernel_regularizer=regularizers.l2(reg)))
model.add(BatchNormalization())
model.add(Activation("relu"))
model.add(Dropout(0.5))
model.add(Dense(6))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="SGD", metrics=["accuracy"])

train_datagen = ImageDataGenerator(rotation_range=10, width_shift_range=0.05,
                                   height_shift_range=0.05, rescale=1 / 255.0)
train_generator = train_datagen.flow_from_directory(
    train_data_dir, target_size=(img_width, img_height), batch_size=batch_size,
    shuffle=True, class_mode="categorical")
validation_generator = ImageDataGenerator(rescale=1 / 255.0).flow_from_directory(
    validation_data_dir, target_size=(img_width, img_height), batch_size=1,
    shuffle=True, class_mode="categorical")
history = model.fit(train_generator, steps_per_epoch=100, epochs=50,
                    validation_data=validation_generator, validation_steps=25)
