# source: https://newbedev.com/cnn-with-keras-accuracy-not-improving
# mistake: none - the answer's fix: Dense(3) + Activation('softmax'), categorical_crossentropy, generators with class_mode='categorical'
# shape: separate Activation layer; separate Activation layer, flow_from_directory
# expect: none
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Activation, Dropout, Flatten, Dense
from keras.preprocessing.image import ImageDataGenerator

img_width, img_height = 150, 150
input_shape = (img_width, img_height, 3)

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
model.add(Dense(3))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])

datagen = ImageDataGenerator(rescale=1.0 / 255)
train_gen = datagen.flow_from_directory("data/train", target_size=(img_width, img_height),
                                        batch_size=16, class_mode="categorical")
val_gen = datagen.flow_from_directory("data/validation", target_size=(img_width, img_height),
                                      batch_size=16, class_mode="categorical")
model.fit(train_gen, validation_data=val_gen, epochs=50)
