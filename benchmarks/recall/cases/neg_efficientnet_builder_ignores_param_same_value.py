# source: https://github.com/keras-team/keras-io/issues/379
# mistake: none - in the EfficientNet fine-tuning example build_model(num_classes) sizes its head with the global NUM_CLASSES instead of its parameter (the issue), but it is called with num_classes=NUM_CLASSES, so the Dense(NUM_CLASSES, activation="softmax") head matches the 120 Stanford Dogs breeds, whose labels are one-hot encoded with tf.one_hot(label, NUM_CLASSES) in the tf.data pipeline for categorical_crossentropy
# shape: tf.data; tfds splits mapped through a one-hot function, builder parameter shadowed by a module constant, keras.applications backbone
# expect: none
import tensorflow as tf
import tensorflow_datasets as tfds
from tensorflow.keras import layers
from tensorflow.keras.applications import EfficientNetB0

IMG_SIZE = 224
BATCH_SIZE = 64
dataset_name = "stanford_dogs"
(ds_train, ds_test), ds_info = tfds.load(dataset_name, split=["train", "test"], with_info=True,
                                         as_supervised=True)
NUM_CLASSES = ds_info.features["label"].num_classes

size = (IMG_SIZE, IMG_SIZE)
ds_train = ds_train.map(lambda image, label: (tf.image.resize(image, size), label))
ds_test = ds_test.map(lambda image, label: (tf.image.resize(image, size), label))

img_augmentation = tf.keras.Sequential(
    [layers.RandomRotation(factor=0.15), layers.RandomFlip(), layers.RandomContrast(factor=0.1)],
    name="img_augmentation")


def input_preprocess(image, label):
    label = tf.one_hot(label, NUM_CLASSES)
    return image, label


ds_train = ds_train.map(input_preprocess, num_parallel_calls=tf.data.AUTOTUNE)
ds_train = ds_train.batch(batch_size=BATCH_SIZE, drop_remainder=True).prefetch(tf.data.AUTOTUNE)
ds_test = ds_test.map(input_preprocess).batch(batch_size=BATCH_SIZE, drop_remainder=True)


def build_model(num_classes):
    inputs = layers.Input(shape=(IMG_SIZE, IMG_SIZE, 3))
    x = img_augmentation(inputs)
    model = EfficientNetB0(include_top=False, input_tensor=x, weights="imagenet")
    model.trainable = False

    x = layers.GlobalAveragePooling2D(name="avg_pool")(model.output)
    x = layers.BatchNormalization()(x)
    x = layers.Dropout(0.2, name="top_dropout")(x)
    outputs = layers.Dense(NUM_CLASSES, activation="softmax", name="pred")(x)

    model = tf.keras.Model(inputs, outputs, name="EfficientNet")
    optimizer = tf.keras.optimizers.Adam(learning_rate=1e-2)
    model.compile(optimizer=optimizer, loss="categorical_crossentropy", metrics=["accuracy"])
    return model


model = build_model(num_classes=NUM_CLASSES)
hist = model.fit(ds_train, epochs=25, validation_data=ds_test, verbose=2)
