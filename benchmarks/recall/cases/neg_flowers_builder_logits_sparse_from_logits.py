# source: https://github.com/deborah-ailyn/smart_flowers/blob/22e72ee3dbe1f94141616cf9c3d1be94c8de561a/machine_learning/model.py
# mistake: none - the earlier revision of the flower classifier: a hidden Dense(128, activation='sigmoid') and a plain Dense(num_classes) logits head with SparseCategoricalCrossentropy(from_logits=True) on integer folder labels (the twin of flowers_builder_sigmoid_sparse_from_logits); the trainer is clf_training.py at the same commit
# shape: builder parameter; build_model(num_classes) called with num_classes = len(np.unique(labels)), a sigmoid hidden layer before the logits head, labels the argmax of pandas.get_dummies over folder names
# expect: none
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


def build_model(num_classes):
    model = Sequential([
        layers.Conv2D(16, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(64, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(128, activation="sigmoid"),
        layers.Dense(num_classes),
    ])
    model.compile(optimizer="adam",
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=[tf.keras.metrics.SparseCategoricalAccuracy()])
    return model


if __name__ == "__main__":
    predictors, labels = load_training_data((img_height, img_width))
    num_classes = len(np.unique(labels))
    model = build_model(num_classes)
    model.fit(predictors, labels, epochs=model_epochs, verbose=True)
