# source: https://github.com/JonathanPaugh/jetson-waste-classification/blob/01aa8012338746de966093f8f5432f83abf2272c/core/model.py
# mistake: none - a waste classifier on a frozen InceptionV3 ends in Dense(num_classes, activation='softmax') and takes its loss from a helper returning dict(loss='sparse_categorical_crossentropy', ...), unpacked with ** into compile, on the integer labels of image_dataset_from_directory
# shape: image_dataset_from_directory; num_classes = len(train_data.class_names) passed to compile_model(num_classes), compile keyword arguments built by _build_model_compile_params(**kwargs) and unpacked; the repository's config module is replaced by module constants and the data loading is filled in
# expect: none
import tensorflow as tf
from tensorflow.keras.applications.inception_v3 import InceptionV3, preprocess_input
from tensorflow.keras.layers import Dense, Dropout, Flatten, Input, RandomFlip, RandomRotation, RandomZoom
from tensorflow.keras.models import Model, Sequential

IMAGE_SIZE = (299, 299)
MODEL_DROPOUT_RATE = 0.3
MODEL_NUM_EPOCHS = 20


def _build_model_compile_params(**kwargs):
    return dict(
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
        **kwargs,
    )


def compile_model(num_classes):
    input_shape = (*IMAGE_SIZE, 3)
    augmentation = Sequential([
        RandomFlip("horizontal_and_vertical"),
        RandomRotation(0.2),
        RandomZoom(0.1),
    ], name="augmentation")

    base_model = InceptionV3(input_shape=input_shape, include_top=False)
    base_model.trainable = False

    inputs = Input(shape=input_shape)
    x = augmentation(inputs)
    x = preprocess_input(x)
    x = base_model(x, training=False)
    x = Flatten()(x)
    x = Dropout(MODEL_DROPOUT_RATE)(x)
    outputs = Dense(num_classes, activation="softmax")(x)
    model = Model(inputs, outputs)
    model.compile(
        optimizer="adam",
        **_build_model_compile_params(),
    )
    return model


train_data = tf.keras.utils.image_dataset_from_directory("waste/train", image_size=IMAGE_SIZE)
test_data = tf.keras.utils.image_dataset_from_directory("waste/test", image_size=IMAGE_SIZE)
model = compile_model(len(train_data.class_names))
model.fit(train_data, validation_data=test_data, epochs=MODEL_NUM_EPOCHS)
