# source: https://github.com/suraj-deshmukh/Keras-Multi-Label-Image-Classification/issues/5
# mistake: food photos (one class each, one-hot from flow_from_directory) trained with a sigmoid output and categorical_crossentropy, hoping for independent per-class probabilities (the reporter names sigmoid + categorical_crossentropy on 10 classes; the generator code is filled in)
# shape: flow_from_directory; units from train_generator.num_classes, class_mode='categorical'
# expect: KL107 line 30
from keras.preprocessing.image import ImageDataGenerator
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Dropout

img_width, img_height = 150, 150
train_datagen = ImageDataGenerator(rescale=1. / 255, shear_range=0.2, zoom_range=0.2,
                                   horizontal_flip=True)
test_datagen = ImageDataGenerator(rescale=1. / 255)
train_generator = train_datagen.flow_from_directory(
    'food/train', target_size=(img_width, img_height), batch_size=32,
    class_mode='categorical')
validation_generator = test_datagen.flow_from_directory(
    'food/validation', target_size=(img_width, img_height), batch_size=32,
    class_mode='categorical')

model = Sequential()
model.add(Conv2D(32, (3, 3), activation='relu', input_shape=(img_width, img_height, 3)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(32, (3, 3), activation='relu'))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(64, (3, 3), activation='relu'))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(64, activation='relu'))
model.add(Dropout(0.5))
model.add(Dense(train_generator.num_classes, activation='sigmoid'))
model.compile(loss='categorical_crossentropy', optimizer='rmsprop', metrics=['accuracy'])
model.fit(train_generator, epochs=50, validation_data=validation_generator)
