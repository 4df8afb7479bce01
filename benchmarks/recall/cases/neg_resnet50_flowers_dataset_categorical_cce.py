# source: https://github.com/nachi-hebbar/Transfer-Learning-ResNet-Keras/issues/1
# mistake: none - the corrected variant: ask image_dataset_from_directory for one-hot labels (label_mode="categorical") to match categorical_crossentropy and the 5-way softmax
# shape: image_dataset_from_directory; label_mode="categorical", keras.applications ResNet50 added to a Sequential
# expect: none
import pathlib

import tensorflow as tf
from tensorflow.keras.layers import Dense, Flatten
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import Adam

dataset_url = "https://storage.googleapis.com/download.tensorflow.org/example_images/flower_photos.tgz"
data_dir = tf.keras.utils.get_file("flower_photos", origin=dataset_url, untar=True)
data_dir = pathlib.Path(data_dir)

img_height, img_width = 180, 180
batch_size = 32
train_ds = tf.keras.preprocessing.image_dataset_from_directory(
    data_dir,
    validation_split=0.2,
    subset="training",
    label_mode="categorical",
    seed=123,
    image_size=(img_height, img_width),
    batch_size=batch_size,
)
val_ds = tf.keras.preprocessing.image_dataset_from_directory(
    data_dir,
    validation_split=0.2,
    subset="validation",
    label_mode="categorical",
    seed=123,
    image_size=(img_height, img_width),
    batch_size=batch_size,
)
class_names = train_ds.class_names

resnet_model = Sequential()
pretrained_model = tf.keras.applications.ResNet50(
    include_top=False, input_shape=(180, 180, 3), pooling="avg", classes=5, weights="imagenet"
)
for layer in pretrained_model.layers:
    layer.trainable = False
resnet_model.add(pretrained_model)
resnet_model.add(Flatten())
resnet_model.add(Dense(512, activation="relu"))
resnet_model.add(Dense(5, activation="softmax"))
resnet_model.compile(optimizer=Adam(learning_rate=0.001), loss="categorical_crossentropy", metrics=["accuracy"])

epochs = 10
history = resnet_model.fit(train_ds, validation_data=val_ds, epochs=epochs)
