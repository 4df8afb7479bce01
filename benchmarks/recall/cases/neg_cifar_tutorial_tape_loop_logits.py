# source: https://github.com/tensorflow/tensorflow/issues/51795
# mistake: none - the TensorFlow CIFAR-10 CNN tutorial model ends in layers.Dense(10) (logits) and the reporter's GradientTape loop scores it with SparseCategoricalCrossentropy(from_logits=True) on the integer labels of load_data; whatever made the loop train worse than fit, the loss/output/target pairing is right
# shape: custom training loop; loss object built once, tf.data batches of load_data labels, tape.gradient over model.trainable_variables
# expect: none
import tensorflow as tf
from tensorflow.keras import datasets, layers, models

(train_images, train_labels), (test_images, test_labels) = datasets.cifar10.load_data()
train_images, test_images = train_images / 255.0, test_images / 255.0

model = models.Sequential()
model.add(layers.Conv2D(32, (3, 3), activation="relu", input_shape=(32, 32, 3)))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation="relu"))
model.add(layers.Flatten())
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dense(10))

loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = tf.keras.optimizers.Adam()
train_acc = tf.keras.metrics.SparseCategoricalAccuracy()
train_ds = tf.data.Dataset.from_tensor_slices((train_images, train_labels)).shuffle(10000).batch(32)


@tf.function
def train_step(images, labels):
    with tf.GradientTape() as tape:
        logits = model(images, training=True)
        loss = loss_fn(labels, logits)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    train_acc.update_state(labels, logits)
    return loss


for epoch in range(10):
    train_acc.reset_state()
    for images, labels in train_ds:
        loss = train_step(images, labels)
    print(epoch, float(loss), float(train_acc.result()))
