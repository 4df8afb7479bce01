# source: https://github.com/tensorflow/tensorflow/issues/24667
# mistake: 179 classes read from TFRecord files whose label feature is a single int64 per image; the model trains with sparse_categorical_crossentropy, but switched to categorical_crossentropy it fails with "Incompatible shapes" because that loss needs one-hot rows, not class ids; the record parsing, not shown in the report, is filled in
# shape: tf.data; TFRecordDataset mapped through a parse function returning (image, int64 label), batched and passed to fit
# expect: KL202 line 45/46
import tensorflow as tf
from tensorflow.keras import Sequential
from tensorflow.keras.layers import AveragePooling2D, Conv2D, Dense, Flatten

BATCH_SIZE = 64
IMG_SIZE = 98
N_CLASSES = 179
N_EPOCHS = 5

feature_spec = {
    "image": tf.io.FixedLenFeature([], tf.string),
    "label": tf.io.FixedLenFeature([], tf.int64),
}


def parse_example(serialized):
    example = tf.io.parse_single_example(serialized, feature_spec)
    image = tf.io.decode_png(example["image"], channels=1)
    image = tf.image.resize(image, (IMG_SIZE, IMG_SIZE)) / 255.0
    return image, example["label"]


train_ds = (tf.data.TFRecordDataset(tf.io.gfile.glob("records/train-*.tfrecord"))
            .map(parse_example)
            .shuffle(2048)
            .batch(BATCH_SIZE))

model = Sequential([
    Conv2D(filters=32, kernel_size=3, strides=1, activation=tf.nn.relu,
           input_shape=(IMG_SIZE, IMG_SIZE, 1), padding="same"),
    AveragePooling2D(pool_size=(2, 2), strides=2, padding="same"),
    Conv2D(filters=64, kernel_size=3, strides=1, activation=tf.nn.relu, padding="same"),
    AveragePooling2D(pool_size=(2, 2), padding="same"),
    Conv2D(filters=64, kernel_size=3, strides=1, activation=tf.nn.relu, padding="same"),
    AveragePooling2D(pool_size=(2, 2), strides=2, padding="same"),
    Flatten(),
    Dense(1024, activation=tf.nn.relu),
    Dense(N_CLASSES, activation=tf.nn.softmax),
])

model.compile(optimizer=tf.keras.optimizers.Adam(),
              loss="categorical_crossentropy",
              metrics=["accuracy"])
model.fit(train_ds, epochs=N_EPOCHS)
