# source: https://github.com/OlafenwaMoses/ImageAI/issues/15
# mistake: a training helper class builds its classifier head as Dense(num_objects, activation='softmax') and compiles categorical_crossentropy; the user trains it with num_objects=1 (one 'vehicles' folder), so the head always outputs 1.0 and the loss is constant
# shape: class with constructor defaults; head width from a method argument (num_objects=1 at the call site), model type chosen by a setter method, flow_from_directory generators
# expect: KL101 line 28
# expect: KL103 line 30
import os
from tensorflow.keras.applications import ResNet50
from tensorflow.keras.layers import Dense, GlobalAveragePooling2D
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam
from tensorflow.keras.preprocessing.image import ImageDataGenerator


class ModelTraining:
    def __init__(self):
        self.model_type = ""
        self.data_dir = ""

    def setModelTypeAsResNet(self):
        self.model_type = "resnet"

    def setDataDirectory(self, data_directory):
        self.data_dir = data_directory

    def trainModel(self, num_objects, num_experiments=200, batch_size=32, image_size=224):
        base = ResNet50(include_top=False, weights=None, input_shape=(image_size, image_size, 3))
        x = GlobalAveragePooling2D()(base.output)
        predictions = Dense(num_objects, activation="softmax")(x)
        model = Model(inputs=base.input, outputs=predictions)
        model.compile(loss="categorical_crossentropy", optimizer=Adam(learning_rate=0.01),
                      metrics=["accuracy"])
        datagen = ImageDataGenerator(rescale=1.0 / 255, horizontal_flip=True)
        train_generator = datagen.flow_from_directory(os.path.join(self.data_dir, "train"),
                                                      target_size=(image_size, image_size),
                                                      batch_size=batch_size, class_mode="categorical")
        test_generator = datagen.flow_from_directory(os.path.join(self.data_dir, "test"),
                                                     target_size=(image_size, image_size),
                                                     batch_size=batch_size, class_mode="categorical")
        model.fit(train_generator, epochs=num_experiments, validation_data=test_generator)
        return model


model_trainer = ModelTraining()
model_trainer.setModelTypeAsResNet()
model_trainer.setDataDirectory("vehicles")
model_trainer.trainModel(num_objects=1, num_experiments=100, batch_size=32)
