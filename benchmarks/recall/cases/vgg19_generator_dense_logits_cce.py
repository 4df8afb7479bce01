# source: https://github.com/keras-team/keras/issues/14341
# mistake: transfer learning on a frozen VGG19 following the Keras guide, whose head is a bare Dense layer meant for a from_logits loss; for a 4-class problem the commenter keeps the bare Dense(4) but compiles keras.losses.CategoricalCrossentropy() with its default from_logits=False, so raw scores are clipped and normalised as if they were probabilities
# shape: flow_from_directory; class_mode="categorical" generators with validation_split, head width from train_gen.num_classes, base model called with training=False in a functional model
# expect: KL106 line 31
from tensorflow import keras
from tensorflow.keras.applications import VGG19
from tensorflow.keras.preprocessing.image import ImageDataGenerator

data_dir = "dataset"
img_size = (224, 224, 3)

data_augmentation = ImageDataGenerator(rotation_range=2, shear_range=2, vertical_flip=True,
                                       fill_mode="nearest", width_shift_range=0.05,
                                       height_shift_range=0.05, validation_split=0.25)
train_gen = data_augmentation.flow_from_directory(data_dir, target_size=img_size[:2],
                                                  subset="training", class_mode="categorical")
val_gen = data_augmentation.flow_from_directory(data_dir, target_size=img_size[:2],
                                                subset="validation", class_mode="categorical")

base_model = VGG19(weights="imagenet", input_shape=img_size, include_top=False)
base_model.trainable = False

inputs = keras.Input(shape=img_size)
x = base_model(inputs, training=False)
x = keras.layers.GlobalAveragePooling2D()(x)
outputs = keras.layers.Dense(train_gen.num_classes)(x)
model = keras.Model(inputs, outputs)

model.compile(
    optimizer=keras.optimizers.Adam(),
    loss=keras.losses.CategoricalCrossentropy(),
    metrics=[keras.metrics.CategoricalAccuracy()],
)
model.fit(train_gen, epochs=20, validation_data=val_gen)
