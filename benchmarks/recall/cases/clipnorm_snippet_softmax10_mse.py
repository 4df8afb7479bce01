# source: https://github.com/chenxu0602/TensorFlow2.0/blob/13ac0531c62cb69695fcd9983264b3270bb14f32/training_dnn.py
# mistake: a Fashion-MNIST classifier (batch normalization before the activations) ends in Dense(10, activation="softmax") but is compiled with loss="mse" to try gradient clipping: squared error on class probabilities gives vanishing gradients and is no classification loss
# shape: keras.datasets; the first Sequential is immediately replaced by a second one (only the second is compiled), SGD(clipnorm=1.0) in a variable; the file stops at compile, so the Fashion-MNIST load and fit (with one-hot targets) are filled in
# expect: KL108 line 34
import tensorflow as tf

(X_train, y_train), (X_valid, y_valid) = tf.keras.datasets.fashion_mnist.load_data()
X_train, X_valid = X_train / 255.0, X_valid / 255.0
Y_train = tf.keras.utils.to_categorical(y_train, 10)

model = tf.keras.models.Sequential([
    tf.keras.layers.Flatten(input_shape=[28, 28]),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Dense(300, activation="elu", kernel_initializer="he_normal"),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Dense(100, activation="elu", kernel_initializer="he_normal"),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Dense(10, activation="softmax"),
])

model = tf.keras.models.Sequential([
    tf.keras.layers.Flatten(input_shape=[28, 28]),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Dense(300, kernel_initializer="he_normal", use_bias=False),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Activation("elu"),
    tf.keras.layers.Dense(100, kernel_initializer="he_normal", use_bias=False),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Activation("elu"),
    tf.keras.layers.Dense(10, activation="softmax"),
])

optimizer = tf.keras.optimizers.SGD(clipnorm=1.0)
model.compile(loss="mse", optimizer=optimizer)
model.fit(X_train, Y_train, epochs=5)
