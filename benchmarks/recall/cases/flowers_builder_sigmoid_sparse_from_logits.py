# source: https://github.com/deborah-ailyn/smart_flowers/blob/e9db25f4a6e2182184e817f5f4a4b4a3756ef23b/machine_learning/model.py
# mistake: a later revision of the flower classifier's builder gives the head activation="sigmoid" over num_classes units while keeping SparseCategoricalCrossentropy(from_logits=True): the loss takes the sigmoid outputs for logits and softmaxes them again, and independent sigmoid scores are trained as one exclusive distribution (the earlier revision had a plain logits head, see neg_flowers_builder_logits_sparse_from_logits)
# shape: builder parameter; build_model(num_classes, img_height, img_width) called with num_classes = len(np.unique(labels)), labels the argmax of pandas.get_dummies over folder names read in a loader function
# expect: KL105 line 46
# expect: KL107 line 43
import os

import cv2
import numpy as np
import pandas
import tensorflow as tf
from tensorflow.keras import Sequential, layers

data_path = "ml_data/flower_photos/"
model_epochs = 10
img_height, img_width = 64, 64


def load_training_data(size):
    images, labels = [], []
    for folder in os.listdir(data_path):
        for file in os.listdir(os.path.join(data_path, folder)):
            if file.endswith("jpg"):
                img = cv2.imread(os.path.join(data_path, folder, file))
                images.append(cv2.resize(img, size))
                labels.append(folder)
    predictors = np.array(images).astype("float32") / 255.0
    label_ids = pandas.get_dummies(labels).values.argmax(1)
    return predictors, label_ids


def build_model(num_classes, img_height, img_width):
    model = Sequential([
        layers.Rescaling(1.0 / 255, input_shape=(img_height, img_width, 3)),
        layers.Conv2D(16, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(64, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(128, activation="relu"),
        layers.Dense(num_classes, activation="sigmoid"),
    ])
    model.compile(optimizer="adam",
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=[tf.keras.metrics.SparseCategoricalAccuracy()])
    return model


if __name__ == "__main__":
    predictors, labels = load_training_data((img_height, img_width))
    num_classes = len(np.unique(labels))
    model = build_model(num_classes, img_height, img_width)
    model.fit(predictors, labels, epochs=model_epochs, verbose=True)
