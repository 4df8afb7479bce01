# source: https://github.com/keras-team/keras/issues/12712
# mistake: none - the Keras half of the question (why Keras and TensorFlow retraining reach different accuracies): InceptionV3 without top, a 3-unit softmax head and categorical_crossentropy on LabelBinarizer one-hot targets fed through ImageDataGenerator.flow; the loss/output/target pairing is right
# shape: class count from a constant; CLASSES = 3, LabelBinarizer().fit_transform on string labels, aug.flow(trainX, trainY) generator, base layers frozen in a loop
# expect: none
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelBinarizer
from tensorflow.keras.applications import InceptionV3
from tensorflow.keras.layers import Dense, GlobalAveragePooling2D
from tensorflow.keras.models import Model
from tensorflow.keras.preprocessing.image import ImageDataGenerator

CLASSES = 3
EPOCHS = 100
BS = 32

data = np.load("images.npy") / 255.0
names = np.load("labels.npy", allow_pickle=True)
labels = LabelBinarizer().fit_transform(names)
trainX, testX, trainY, testY = train_test_split(data, labels, test_size=0.2, stratify=labels)

aug = ImageDataGenerator(rotation_range=20, zoom_range=0.15, horizontal_flip=True)

base_model = InceptionV3(weights="imagenet", include_top=False)
x = base_model.output
x = GlobalAveragePooling2D()(x)
preds = Dense(CLASSES, activation="softmax")(x)
model = Model(inputs=base_model.input, outputs=preds)
for layer in base_model.layers:
    layer.trainable = False

model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
H = model.fit(aug.flow(trainX, trainY, batch_size=BS), validation_data=(testX, testY),
              steps_per_epoch=len(trainX) // BS, epochs=EPOCHS)
