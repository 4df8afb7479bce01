# source: https://github.com/NVIDIA/DeepLearningExamples/issues/468
# mistake: the subclassed U-Net's call() ends with tf.keras.activations.softmax(out, axis=-1), and the training loss is tf.nn.softmax_cross_entropy_with_logits on those outputs: the op applies softmax again to what are already probabilities (the maintainer agreed and switched the loss); the data pipeline and loop around the reported model/loss pair are filled in
# shape: custom training loop; keras.Model subclass whose call returns a softmax computed as a function, loss helper using tf.nn on the model output inside a GradientTape step
# expect: KL105 line 39/40
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers


class Unet(tf.keras.Model):
    def __init__(self, n_classes=2, filters=64):
        super().__init__(name="unet")
        self.enc1 = [layers.Conv2D(filters, 3, padding="same", activation="relu") for _ in range(2)]
        self.pool = layers.MaxPool2D()
        self.enc2 = [layers.Conv2D(filters * 2, 3, padding="same", activation="relu") for _ in range(2)]
        self.up = layers.Conv2DTranspose(filters, 2, strides=2, padding="same")
        self.dec1 = [layers.Conv2D(filters, 3, padding="same", activation="relu") for _ in range(2)]
        self.last = layers.Conv2D(n_classes, 1)

    def call(self, x, training=False):
        for conv in self.enc1:
            x = conv(x)
        skip = x
        x = self.pool(x)
        for conv in self.enc2:
            x = conv(x)
        x = self.up(x)
        x = tf.concat([x, skip], axis=-1)
        for conv in self.dec1:
            x = conv(x)
        out = self.last(x)
        return tf.keras.activations.softmax(out, axis=-1)


def partial_losses(predict, target):
    n_classes = predict.shape[-1]
    flat_logits = tf.reshape(tf.cast(predict, tf.float32), [-1, n_classes])
    flat_labels = tf.reshape(target, [-1, n_classes])
    crossentropy_loss = tf.reduce_mean(
        tf.nn.softmax_cross_entropy_with_logits(logits=flat_logits, labels=flat_labels))
    intersection = tf.reduce_sum(predict * target, axis=(1, 2))
    union = tf.reduce_sum(predict + target, axis=(1, 2))
    dice_loss = 1.0 - tf.reduce_mean((2.0 * intersection + 1.0) / (union + 1.0))
    return crossentropy_loss, dice_loss


images = np.load("em_images.npy").astype("float32")[..., None]     # (n, 256, 256, 1)
masks = np.load("em_masks.npy").astype("int32")                      # (n, 256, 256) in {0, 1}
dataset = (tf.data.Dataset.from_tensor_slices((images, masks))
           .map(lambda x, m: (x / 255.0, tf.one_hot(m, 2)))
           .shuffle(256)
           .batch(8))

model = Unet(n_classes=2)
optimizer = tf.keras.optimizers.Adam(1e-4)


@tf.function
def train_step(features, labels):
    with tf.GradientTape() as tape:
        output_map = model(features, training=True)
        crossentropy_loss, dice_loss = partial_losses(output_map, labels)
        total_loss = crossentropy_loss + dice_loss
    gradients = tape.gradient(total_loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return total_loss


for epoch in range(40):
    for features, labels in dataset:
        loss = train_step(features, labels)
    print(epoch, float(loss))
