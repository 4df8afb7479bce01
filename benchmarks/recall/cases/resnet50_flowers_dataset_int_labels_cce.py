# source: https://github.com/nachi-hebbar/Transfer-Learning-ResNet-Keras/issues/1
# mistake: the flowers are loaded with image_dataset_from_directory (integer labels by default) and the ResNet50 transfer model with a 5-way softmax is compiled with categorical_crossentropy ("Shapes (None, 1) and (None, 5) are incompatible")
# shape: image_dataset_from_directory; default label_mode, keras.applications ResNet50 added to a Sequential
# expect: KL202 line 46
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
    seed=123,
    image_size=(img_height, img_width),
    batch_size=batch_size,
)
val_ds = tf.keras.preprocessing.image_dataset_from_directory(
    data_dir,
    validation_split=0.2,
    subset="validation",
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
