# source: https://github.com/MITDeepLearning/introtodeeplearning/issues/122
# mistake: none - the CNN ends in Dense(10, activation=tf.nn.softmax), so the custom loop's sparse_categorical_crossentropy without from_logits is right even though the prediction is named `logits`
# shape: custom training loop; builder function, activation passed as the function tf.nn.softmax, GradientTape loop over slices
# expect: none
import numpy as np
import tensorflow as tf

mnist = tf.keras.datasets.mnist
(train_images, train_labels), (test_images, test_labels) = mnist.load_data()
train_images = (np.expand_dims(train_images, axis=-1) / 255.).astype(np.float32)
train_labels = train_labels.astype(np.int64)


def build_cnn_model():
    cnn_model = tf.keras.Sequential([
        tf.keras.layers.Conv2D(filters=24, kernel_size=(3, 3), activation=tf.nn.relu),
        tf.keras.layers.MaxPool2D(pool_size=(2, 2)),
        tf.keras.layers.Conv2D(filters=36, kernel_size=(3, 3), activation=tf.nn.relu),
        tf.keras.layers.MaxPool2D(pool_size=(2, 2)),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(128, activation=tf.nn.relu),
        tf.keras.layers.Dense(10, activation=tf.nn.softmax),
    ])
    return cnn_model


cnn_model = build_cnn_model()
batch_size = 12
optimizer = tf.keras.optimizers.SGD(learning_rate=1e-2)

for idx in range(0, train_images.shape[0], batch_size):
    (images, labels) = (train_images[idx:idx + batch_size], train_labels[idx:idx + batch_size])
    images = tf.convert_to_tensor(images, dtype=tf.float32)

    with tf.GradientTape() as tape:
        logits = cnn_model(images)
        loss_value = tf.keras.backend.sparse_categorical_crossentropy(labels, logits)

    grads = tape.gradient(loss_value, cnn_model.trainable_variables)
    optimizer.apply_gradients(zip(grads, cnn_model.trainable_variables))
