# source: https://github.com/tensorflow/tensorflow/issues/28226
# mistake: category labels are one-hot encoded inside the tf.data pipeline (labels_ds.map(lambda x: tf.one_hot(x, NUM_CATEGORIES))) but the model is trained with sparse_categorical_crossentropy, which wants one integer per image (the reported error comes from the sparse softmax op)
# shape: tf.data; labels one-hot encoded in Dataset.map with tf.one_hot, images decoded in another map, both zipped and batched
# expect: KL201 line 28
import pandas as pd
import tensorflow as tf

NUM_CATEGORIES = 50
IMG_SIZE = 224

categ_img = pd.read_csv("list_category_img.txt", sep=r"\s+", skiprows=1)
categ_img["category_label"] = categ_img["category_label"] - 1

filenames_ds = tf.data.Dataset.from_tensor_slices(categ_img[:1000]["image_name"].values)
labels_ds = tf.data.Dataset.from_tensor_slices(categ_img[:1000]["category_label"].values)
images_ds = filenames_ds.map(
    lambda path: tf.image.resize(tf.image.decode_jpeg(tf.io.read_file(path), channels=3), (IMG_SIZE, IMG_SIZE)))
labels_ds = labels_ds.map(lambda x: tf.one_hot(x, NUM_CATEGORIES))
ds = tf.data.Dataset.zip((images_ds, labels_ds)).batch(16, drop_remainder=True)

backbone = tf.keras.applications.ResNet50(include_top=False, weights="imagenet", pooling="avg",
                                          input_shape=(IMG_SIZE, IMG_SIZE, 3))
model = tf.keras.Sequential([
    backbone,
    tf.keras.layers.Dense(512, activation="relu"),
    tf.keras.layers.Dense(NUM_CATEGORIES, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(ds, epochs=5)
