# source: https://github.com/kusiwu/Resnet50-Cifar10-Python-Keras/issues/1
# mistake: ResNet50 fine-tuned on CIFAR-10 with a 10-way softmax and one-hot labels is compiled with binary_crossentropy; the maintainer agrees categorical_crossentropy was meant
# shape: branch; the model is reloaded from disk when a checkpoint exists, otherwise built on a keras.applications backbone, compiled after the if/else
# expect: KL102 line 30
import os
from keras.applications.resnet50 import ResNet50
from keras.datasets import cifar10
from keras.layers import GlobalAveragePooling2D, Dense, Dropout, Input
from keras.models import Model, load_model
from keras.utils import np_utils
from keras import optimizers

img_width, img_height = 32, 32
num_classes = 10
(X_train, y_train), (X_test, y_test) = cifar10.load_data()
y_train = np_utils.to_categorical(y_train, num_classes)
y_test = np_utils.to_categorical(y_test, num_classes)

image_input = Input(shape=(img_width, img_height, 3))
checkpoint_path = "./trained_models/resnet50_cifar10.h5"
if os.path.isfile(checkpoint_path):
    custom_model = load_model(checkpoint_path)
else:
    backbone = ResNet50(input_tensor=image_input, include_top=False, weights="imagenet")
    x = GlobalAveragePooling2D(name="avg_pool")(backbone.output)
    x = Dropout(0.5)(x)
    out = Dense(num_classes, activation="softmax", name="output_layer")(x)
    custom_model = Model(inputs=image_input, outputs=out)

custom_model.compile(loss="binary_crossentropy",
                     optimizer=optimizers.SGD(learning_rate=1e-3, momentum=0.8),
                     metrics=["accuracy"])
custom_model.fit(X_train, y_train, batch_size=32, epochs=5, validation_data=(X_test, y_test))
custom_model.save(checkpoint_path)
