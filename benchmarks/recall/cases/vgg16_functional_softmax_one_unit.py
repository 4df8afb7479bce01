# source: http://pullrequest.ru/13403374/prognozirovanie-tolko-odnogo-klassa
# mistake: transfer-learning head Dense(1, activation='softmax') on a binary image task always predicts the same class
# shape: literal; functional API on a pretrained base, literal units
# expect: KL101 line 15
from tensorflow.keras.applications import VGG16
from tensorflow.keras.layers import Dense, GlobalAveragePooling2D
from tensorflow.keras.models import Model
from tensorflow.keras.preprocessing.image import ImageDataGenerator

base_model = VGG16(weights="imagenet", include_top=False)
x = base_model.output
x = GlobalAveragePooling2D()(x)
x = Dense(1024, activation="relu")(x)
x = Dense(512, activation="relu")(x)
preds = Dense(1, activation="softmax")(x)
model = Model(inputs=base_model.input, outputs=preds)

for layer in base_model.layers:
    layer.trainable = False

gen = ImageDataGenerator(rescale=1.0 / 255)
train_it = gen.flow_from_directory("data/train", target_size=(224, 224),
                                   class_mode="binary", batch_size=32)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(train_it, epochs=5)
