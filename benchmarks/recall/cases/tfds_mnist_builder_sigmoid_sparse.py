# source: https://muratkarakaya.net/2022/11/how-to-solve-multi-class-classification.html
# mistake: one of the tutorial's combinations for MNIST with integer labels: the last layer's activation is sigmoid (10 units) and the loss is SparseCategoricalCrossentropy; the tutorial shows it still reaches a good accuracy, but the ten sigmoid scores are not one distribution (Keras normalises them inside the loss) and cannot be read as class probabilities
# shape: builder parameter; create_model(activation) and a helper compile_and_train(model, loss) taking the loss object, tf.data pipeline from tfds.load(as_supervised=True) with a map that rescales the images
# expect: KL107 line 26
import tensorflow as tf
import tensorflow_datasets as tfds
from tensorflow import keras
from tensorflow.keras import layers

BATCH_SIZE = 64
NUM_CLASSES = 10

(ds_train, ds_test), info = tfds.load("mnist", split=["train[:10%]", "test[:10%]"],
                                      as_supervised=True, with_info=True)


def normalize(image, label):
    return tf.cast(image, tf.float32) / 255.0, label


def create_model(activation):
    inputs = keras.Input(shape=(28, 28, 1))
    x = layers.Conv2D(32, 3, activation="relu")(inputs)
    x = layers.MaxPooling2D()(x)
    x = layers.Flatten()(x)
    outputs = layers.Dense(NUM_CLASSES, activation=activation)(x)
    return keras.Model(inputs, outputs)


def compile_and_train(model, loss):
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    return model.fit(train_ds, validation_data=test_ds, epochs=5)


train_ds = ds_train.map(normalize).shuffle(1024).batch(BATCH_SIZE).prefetch(tf.data.AUTOTUNE)
test_ds = ds_test.map(normalize).batch(BATCH_SIZE)

model = create_model("sigmoid")
history = compile_and_train(model, keras.losses.SparseCategoricalCrossentropy())
