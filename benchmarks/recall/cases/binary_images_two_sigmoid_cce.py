# source: https://github.com/keras-team/keras/issues/6327
# mistake: binary image classifier with two output units and categorical_crossentropy on one-hot labels, but the head's activation is sigmoid (the reporter: 'instead of softmax I was using sigmoid'), so the two scores do not sum to 1
# shape: backbone; ResNet50 from keras.applications with a new functional head, one-hot labels from to_categorical(labels, 2)
# expect: KL107 line 18
import numpy as np
from keras.applications.resnet50 import ResNet50
from keras.layers import GlobalAveragePooling2D, Dense
from keras.models import Model
from keras.utils import to_categorical

images = np.load("scans.npy")
labels = to_categorical(np.load("scan_labels.npy"), 2)

base_model = ResNet50(weights="imagenet", include_top=False, input_shape=(224, 224, 3))
x = base_model.output
x = GlobalAveragePooling2D()(x)
x = Dense(256, activation="relu")(x)
predictions = Dense(2, activation="sigmoid")(x)
model = Model(inputs=base_model.input, outputs=predictions)
for layer in base_model.layers:
    layer.trainable = False
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(images, labels, batch_size=16, epochs=10, validation_split=0.2)
print(model.predict(images[:1]))
