# source: https://github.com/keras-team/keras/issues/12041
# mistake: twelve person folders are read with flow_from_directory(class_mode='binary'), which yields one integer-valued label per image, while the VGG16 transfer model (12-way softmax) is compiled with categorical_crossentropy (the reporter's fix: class_mode='categorical')
# shape: flow_from_directory; class_mode='binary' generators, VGG16 backbone with a Sequential head added on top
# expect: KL202 line 37
from keras import applications, optimizers
from keras import backend as K
from keras.layers import Dense, Dropout, Flatten
from keras.models import Sequential
from keras.preprocessing.image import ImageDataGenerator

img_width, img_height = 224, 224
train_data_dir = "database/train"
validation_data_dir = "database/validation"
nb_train_samples = 46
nb_validation_samples = 26
epochs = 50
batch_size = 2

if K.image_data_format() == "channels_first":
    input_shape = (3, img_width, img_height)
else:
    input_shape = (img_width, img_height, 3)

vgg_conv = applications.VGG16(weights="imagenet", include_top=False, input_shape=input_shape)
for layer in vgg_conv.layers[:-4]:
    layer.trainable = False

model = Sequential()
model.add(vgg_conv)
model.add(Flatten(name="flatten"))
model.add(Dense(512, activation="relu", name="fc1"))
model.add(Dropout(0.5))
model.add(Dense(512, activation="relu", name="fc2"))
model.add(Dropout(0.5))
model.add(Dense(12, activation="softmax", name="prediction"))
model.compile(
    loss="categorical_crossentropy",
    optimizer=optimizers.SGD(learning_rate=1e-4, momentum=0.9),
    metrics=["accuracy"],
)

train_datagen = ImageDataGenerator(rescale=1.0 / 255, shear_range=0.2, zoom_range=0.2, horizontal_flip=True)
test_datagen = ImageDataGenerator(rescale=1.0 / 255)
train_generator = train_datagen.flow_from_directory(
    train_data_dir, target_size=(img_height, img_width), batch_size=batch_size, class_mode="binary"
)
validation_generator = test_datagen.flow_from_directory(
    validation_data_dir, target_size=(img_height, img_width), batch_size=batch_size, class_mode="binary"
)
model.fit(
    train_generator,
    steps_per_epoch=nb_train_samples // batch_size,
    epochs=epochs,
    validation_data=validation_generator,
    validation_steps=nb_validation_samples // batch_size,
)
