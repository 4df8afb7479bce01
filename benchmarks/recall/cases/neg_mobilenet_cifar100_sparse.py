# source: https://github.com/tensorflow/tensorflow/issues/21799
# mistake: none - MobileNet built with classes=100 (softmax head) trained with sparse_categorical_crossentropy on CIFAR-100 integer labels through tf.data
# shape: keras.applications + tf.data; keras.applications model, tf.data from_tensor_slices
# expect: none
import tensorflow as tf

(x_train, y_train), _ = tf.keras.datasets.cifar100.load_data()
x_train = x_train.astype("float32") / 255.0
ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(10000).batch(64)

model = tf.keras.applications.MobileNet(weights=None, include_top=True,
                                        input_shape=(32, 32, 3), classes=100)
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(ds, epochs=10)
