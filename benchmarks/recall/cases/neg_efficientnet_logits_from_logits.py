# source: https://github.com/keras-team/keras/issues/19761
# mistake: none - frozen EfficientNetV2 base, linear Dense(CLASS_CNT) head, SparseCategoricalCrossentropy(from_logits=True) on image_dataset_from_directory integer labels
# shape: image_dataset_from_directory; image_dataset_from_directory (label_mode='int'), units from a constant, nested base model
# expect: none
import keras

ds_path = "dataset"
IMG_SIZE = 300
BS = 32
CLASS_CNT = 11
INPUT_SHAPE = (IMG_SIZE, IMG_SIZE, 3)

train_ds, val_ds = keras.utils.image_dataset_from_directory(
    directory=ds_path, labels="inferred", label_mode="int", batch_size=BS,
    image_size=(IMG_SIZE, IMG_SIZE), shuffle=True, seed=314,
    validation_split=0.2, subset="both")

base_model = keras.applications.EfficientNetV2L(include_top=False, weights="imagenet",
                                                input_shape=INPUT_SHAPE)
base_model.trainable = False
inputs = keras.Input(shape=INPUT_SHAPE)
x = base_model(inputs, training=False)
x = keras.layers.GlobalAveragePooling2D()(x)
outputs = keras.layers.Dense(CLASS_CNT)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer=keras.optimizers.Adam(),
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=[keras.metrics.SparseCategoricalAccuracy()])
model.fit(train_ds, validation_data=val_ds, epochs=10)
