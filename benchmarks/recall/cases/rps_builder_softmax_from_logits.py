# source: https://github.com/PacktPublishing/Tensorflow-2.0-Computer-Vision-Cookbook/issues/1
# mistake: rock-paper-scissors network ends in a Softmax layer while the loss is CategoricalCrossentropy(from_logits=True)
# shape: builder function + Softmax layer; builder function returning the model, Softmax as a layer, tfds pipeline
# expect: KL105 line 36
import tensorflow as tf
import tensorflow_datasets as tfds
from tensorflow.keras.layers import Conv2D, Dense, Dropout, Flatten, Input, MaxPooling2D, Softmax
from tensorflow.keras.losses import CategoricalCrossentropy
from tensorflow.keras.models import Model


def build_network():
    input_layer = Input(shape=(64, 64, 3))
    x = Conv2D(32, (3, 3), padding="same", activation="relu")(input_layer)
    x = MaxPooling2D(pool_size=(2, 2))(x)
    x = Dropout(0.2)(x)
    x = Conv2D(64, (3, 3), padding="same", activation="relu")(x)
    x = MaxPooling2D(pool_size=(2, 2))(x)
    x = Flatten()(x)
    x = Dense(3)(x)
    output = Softmax()(x)
    return Model(input_layer, output)


def prepare(image, label):
    image = tf.image.resize(tf.image.convert_image_dtype(image, tf.float32), (64, 64))
    return image, tf.one_hot(label, 3)


(train, test), info = tfds.load("rock_paper_scissors", split=["train", "test"],
                                as_supervised=True, with_info=True)
train = train.map(prepare).shuffle(1024).batch(32).prefetch(1)
test = test.map(prepare).batch(32)

model = build_network()
model.compile(loss=CategoricalCrossentropy(from_logits=True),
              optimizer="rmsprop", metrics=["accuracy"])
model.fit(train, validation_data=test, epochs=10)
