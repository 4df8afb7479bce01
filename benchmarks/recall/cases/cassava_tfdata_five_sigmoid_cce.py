# source: https://stackoverflow.com/questions/65047573
# mistake: cassava leaf disease (5 classes): labels are read from train.csv into a list, turned into a float32 array of class ids and zipped with the images in a tf.data.Dataset; the model ends in Dense(5, activation='sigmoid') with categorical_crossentropy, which needs a softmax and one-hot rows, not one class id per image (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s65047573_original.py)
# shape: tf.data; labels mapped from a CSV through a dict filled in a loop, np.array(...).astype(np.float32), Dataset.from_tensor_slices((images, labels))
# expect: KL107 line 39
# expect: KL202 line 41
import os
import cv2
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.utils import shuffle
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv1D, BatchNormalization, Flatten, Dense

training_folder = "train_images"
samples_df = shuffle(pd.read_csv("train.csv"), random_state=42)
samples_df["label"] = samples_df["label"].astype("str")

label_of = {}
for i in range(len(samples_df)):
    label_of[samples_df.iloc[i, 0]] = samples_df.iloc[i, 1]

images, labs = [], []
for name in os.listdir(training_folder):
    img = cv2.imread(os.path.join(training_folder, name))
    images.append(tf.image.random_crop(img, size=(150, 150, 3)))
    labs.append(label_of.get(name))

labels = np.array(labs).astype(np.float32)
images = np.array(images).astype(np.float32)
train = tf.data.Dataset.from_tensor_slices((images, labels)).shuffle(buffer_size=1000)

model = Sequential()
model.add(Conv1D(filters=16, kernel_size=2, strides=1, activation="relu"))
model.add(BatchNormalization())
model.add(Conv1D(filters=16, kernel_size=2, strides=1, activation="relu"))
model.add(BatchNormalization())
model.add(Flatten())
model.add(Dense(5, activation="sigmoid"))
model.compile(optimizer="adam",
              loss="categorical_crossentropy",
              metrics=["accuracy"])
model.fit(train, batch_size=32, shuffle=True, epochs=1)
