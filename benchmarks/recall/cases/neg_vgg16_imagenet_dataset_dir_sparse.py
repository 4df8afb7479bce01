# source: https://github.com/AkillesU/Train-VGG16/blob/6c6d8a6c3163bc5a5eeda21e5c0bec75064e9cb7/pipeline.py
# mistake: none - the full VGG16 (1000-way softmax top) is trained on the ILSVRC-2012 class folders with image_dataset_from_directory(label_mode="int") and SparseCategoricalCrossentropy(from_logits=False)
# shape: keras.applications backbone; image_dataset_from_directory with an explicit label_mode="int", include_top model used as is
# expect: none
import keras.losses
import tensorflow as tf

train_ds = tf.keras.utils.image_dataset_from_directory(
    "/datasets/ILSVRC/2012/clsloc/train",
    labels='inferred',
    label_mode="int",
    color_mode="rgb",
    batch_size=32,
    image_size=(224, 224),
    shuffle=True,
    seed=123,
)

for images, labels in train_ds.take(1):
    print(images.shape)
    print(labels.shape)

model = tf.keras.applications.VGG16()
model.compile(
    optimizer=tf.keras.optimizers.Adam(),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=False),
    metrics=["accuracy"],
)
model.fit(train_ds, epochs=20, verbose=2)
