# source: https://stackoverflow.com/questions/58398491
# mistake: three image folders read with flow_from_directory, which without class_mode yields one-hot ('categorical') labels, fed to a Dense(3, softmax) compiled with sparse_categorical_crossentropy (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s58398491_original.py; the Colab magic and drive mount are left out)
# shape: flow_from_directory; class_mode left at its default ('categorical'), convolution blocks added in a for loop
# expect: KL201 line 36
from tensorflow.keras import layers, models
from tensorflow.keras.preprocessing.image import ImageDataGenerator

IMG_WIDTH = 192
IMG_HEIGHT = 192
train_dir = "train"
validation_dir = "validation"

train_datagen = ImageDataGenerator(rescale=1.0 / 255)
train_generator = train_datagen.flow_from_directory(
    train_dir,
    target_size=(IMG_WIDTH, IMG_HEIGHT),
    batch_size=5)
validation_datagen = ImageDataGenerator(rescale=1.0 / 255)
validation_generator = validation_datagen.flow_from_directory(
    validation_dir,
    target_size=(IMG_WIDTH, IMG_HEIGHT),
    batch_size=5)

model = models.Sequential()
model.add(layers.Conv2D(32, (3, 3), activation="relu", input_shape=(IMG_WIDTH, IMG_HEIGHT, 3)))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
for _ in range(2):
    model.add(layers.Conv2D(128, (3, 3), activation="relu"))
    model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(3, activation="softmax"))

model.compile(optimizer="adam",
              loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
history = model.fit(train_generator, epochs=10, validation_data=validation_generator)
