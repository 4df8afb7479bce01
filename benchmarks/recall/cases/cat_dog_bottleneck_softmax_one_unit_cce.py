# source: https://github.com/PacktPublishing/Deep-Learning-for-Computer-Vision/issues/2
# mistake: cat-vs-dog classifier on VGG16 bottleneck features ends in Dense(1, activation='softmax') (always 1.0) and is compiled with categorical_crossentropy on 0/1 labels
# shape: literal; labels built with np.array([0] * n + [1] * n), loss passed as the function tf.keras.losses.categorical_crossentropy
# expect: KL101 line 26
# expect: KL103 line 27
import os
import numpy as np
import tensorflow as tf

image_height, image_width = 150, 150
train_dir = os.path.join("data", "train")
n_train, n_test, batch_size = 2000, 800, 32

datagen = tf.keras.preprocessing.image.ImageDataGenerator(rescale=1.0 / 255)
vgg = tf.keras.applications.VGG16(include_top=False)
train_images = datagen.flow_from_directory(train_dir, batch_size=batch_size,
                                           target_size=(image_width, image_height),
                                           class_mode=None, shuffle=False)
train_features = vgg.predict(train_images, steps=n_train // batch_size)
train_labels = np.array([0] * (n_train // 2) + [1] * (n_train // 2))

top = tf.keras.models.Sequential()
top.add(tf.keras.layers.Flatten(input_shape=train_features.shape[1:]))
top.add(tf.keras.layers.Dense(1024, activation="relu"))
top.add(tf.keras.layers.Dropout(0.3))
top.add(tf.keras.layers.Dense(1, activation="softmax"))
top.compile(loss=tf.keras.losses.categorical_crossentropy,
            optimizer=tf.keras.optimizers.Adam(), metrics=["accuracy"])
top.fit(train_features, train_labels, batch_size=batch_size, epochs=50)
