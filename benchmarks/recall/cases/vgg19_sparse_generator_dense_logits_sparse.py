# source: https://github.com/keras-team/keras/issues/14341
# mistake: the same commenter's workaround, "setting everything to sparse did the trick": class_mode="sparse" generators and SparseCategoricalCrossentropy(), still with from_logits=False on the bare Dense head, so the shape error is gone but the loss still clips raw scores as probabilities
# shape: flow_from_directory; class_mode="sparse" generators with validation_split, head width from train_gen.num_classes, base model called with training=False in a functional model
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
                                                  subset="training", class_mode="sparse")
val_gen = data_augmentation.flow_from_directory(data_dir, target_size=img_size[:2],
                                                subset="validation", class_mode="sparse")

base_model = VGG19(weights="imagenet", input_shape=img_size, include_top=False)
base_model.trainable = False

inputs = keras.Input(shape=img_size)
x = base_model(inputs, training=False)
x = keras.layers.GlobalAveragePooling2D()(x)
outputs = keras.layers.Dense(train_gen.num_classes)(x)
model = keras.Model(inputs, outputs)

model.compile(
    optimizer=keras.optimizers.Adam(),
    loss=keras.losses.SparseCategoricalCrossentropy(),
    metrics=[keras.metrics.SparseCategoricalAccuracy()],
)
model.fit(train_gen, epochs=20, validation_data=val_gen)
