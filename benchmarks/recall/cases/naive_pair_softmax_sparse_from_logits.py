# source: https://github.com/NeveIsa/MATH499/blob/5cc15891398473fafde363821d0e73aecbd78bc8/MODELS/demo-naive-model.py
# mistake: a naive two-class image model ends in Dense(2, activation='softmax') and is compiled with SparseCategoricalCrossentropy(from_logits=True): the loss applies softmax a second time to probabilities, so it never gets near 0 and its gradients are flattened
# shape: image_dataset_from_directory; the file mentions the loader without calling it, so the folders-of-images loading (integer labels) is filled in, loss object inline in compile
# expect: KL105 line 26
import tensorflow as tf
import keras

IMG_SIZE = (256, 256)

train_ds = tf.keras.preprocessing.image_dataset_from_directory(
    "slides/train", image_size=IMG_SIZE, color_mode="grayscale", batch_size=16)
val_ds = tf.keras.preprocessing.image_dataset_from_directory(
    "slides/val", image_size=IMG_SIZE, color_mode="grayscale", batch_size=16)

model = keras.Sequential([
    keras.layers.Conv2D(32, kernel_size=(5, 5), strides=(1, 1), activation="relu", input_shape=(256, 256, 1)),
    keras.layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    keras.layers.Conv2D(64, (5, 5), activation="relu"),
    keras.layers.Flatten(),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(2, activation="softmax")
])

model.summary()

model.compile(optimizer="adam", loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])

model.fit(train_ds, validation_data=val_ds, epochs=5)
