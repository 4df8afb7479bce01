# source: https://github.com/tensorflow/tensorflow/issues/41952
# mistake: none (for the loss and output; the model predicted one class because of the data) - an EfficientNetB7 melanoma classifier with a Dense(1, activation="sigmoid") head, compiled with loss="BinaryCrossentropy" (the class name as a string, which Keras accepts) and trained from flow_from_dataframe(class_mode="binary")
# shape: loss given as a class-name string; layers held in variables and stacked in a Sequential list, flow_from_dataframe generator with string labels and class_mode="binary"
# expect: none
import pandas as pd
import tensorflow as tf
from tensorflow.keras.preprocessing.image import ImageDataGenerator

IMG_SHAPE = (256, 256)
input_shape = IMG_SHAPE + (3,)

train = pd.read_csv("train.csv")
train["image_name"] = train["image_name"] + ".jpg"

train_image_generator = ImageDataGenerator(rescale=1.0 / 255)
train_data_gen = train_image_generator.flow_from_dataframe(
    train, directory="jpeg/train", x_col="image_name", y_col="benign_malignant",
    class_mode="binary", batch_size=32, target_size=IMG_SHAPE)

base_model = tf.keras.applications.EfficientNetB7(input_shape=input_shape, include_top=False,
                                                  weights="imagenet")
global_average_layer = tf.keras.layers.GlobalAveragePooling2D()
prediction_layer = tf.keras.layers.Dense(1, activation="sigmoid")
model = tf.keras.Sequential([base_model, global_average_layer, prediction_layer])

model.compile(optimizer=tf.optimizers.Adam(learning_rate=0.00001), loss="BinaryCrossentropy",
              metrics=[tf.keras.metrics.AUC()])
history = model.fit(train_data_gen, epochs=1)
