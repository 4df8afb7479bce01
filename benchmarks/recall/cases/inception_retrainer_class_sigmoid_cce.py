# source: https://github.com/keras-team/keras/issues/8883
# mistake: InceptionV3 retrained on many classes with a sigmoid head "on purpose, to see the classifier's confidence for each class", trained as a single-label classifier with categorical_crossentropy (the loss of the Keras fine-tuning example it follows; the issue shows the model, not the compile call); the loss only sees the sigmoid scores divided by their sum, so all of them drift towards 0: the reported predictions are 1e-13 to 1e-25 for every class
# shape: class-based trainer; a Retrainer class holding self.model, head width from len(os.listdir(train_dir)) in __init__, compile in a method that reads self attributes, flow_from_directory generators
# expect: KL107 line 27
import os

from keras.applications.inception_v3 import InceptionV3, preprocess_input
from keras.layers import Dense, GlobalAveragePooling2D
from keras.models import Model
from keras.optimizers import SGD
from keras.preprocessing.image import ImageDataGenerator


class Retrainer:
    def __init__(self, train_dir, val_dir, image_size=(299, 299)):
        self.train_dir = train_dir
        self.val_dir = val_dir
        self.image_size = image_size
        self.num_classes = len(os.listdir(train_dir))
        self.model = None

    def build(self):
        base = InceptionV3(weights="imagenet", include_top=False)
        x = GlobalAveragePooling2D()(base.output)
        x = Dense(1024, activation="relu")(x)
        # sigmoid so that each class gets its own confidence
        predictions = Dense(self.num_classes, activation="sigmoid")(x)
        self.model = Model(inputs=base.input, outputs=predictions)
        for layer in base.layers[:249]:
            layer.trainable = False

    def train(self, epochs=30):
        gen = ImageDataGenerator(preprocessing_function=preprocess_input)
        train_flow = gen.flow_from_directory(self.train_dir, target_size=self.image_size, batch_size=32)
        val_flow = gen.flow_from_directory(self.val_dir, target_size=self.image_size, batch_size=32)
        self.model.compile(optimizer=SGD(learning_rate=0.0001, momentum=0.9),
                           loss="categorical_crossentropy", metrics=["accuracy"])
        self.model.fit(train_flow, validation_data=val_flow, epochs=epochs)


trainer = Retrainer("images/train", "images/val")
trainer.build()
trainer.train()
