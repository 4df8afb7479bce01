# source: https://github.com/simisimon/kaggle-notebooks/blob/43885814f652fac0d9e6ce265c26f88c58af4c5b/converted_notebooks/final_notebooks_foursquare-location-matching_monocular-depth-estimationipynb.py
# mistake: none - a depth-estimation keras.Model subclass with a 1-filter tanh head and its own train_step (SSIM + L1 + edge loss); compile is given a sparse crossentropy that fit never applies, so the 1-unit head is not a KL103 mistake
# shape: custom training loop; a subclass's train_step computes its own loss, the compiled loss is never called
# expect: none
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

HEIGHT, WIDTH = 128, 128


class DownBlock(layers.Layer):
    def __init__(self, filters):
        super().__init__()
        self.conv_a = layers.Conv2D(filters, 3, padding="same", activation="relu")
        self.conv_b = layers.Conv2D(filters, 3, padding="same", activation="relu")
        self.pool = layers.MaxPooling2D(2)

    def call(self, x):
        skip = self.conv_b(self.conv_a(x))
        return skip, self.pool(skip)


class UpBlock(layers.Layer):
    def __init__(self, filters):
        super().__init__()
        self.up = layers.UpSampling2D(2)
        self.conv = layers.Conv2D(filters, 3, padding="same", activation="relu")

    def call(self, x, skip):
        return self.conv(tf.concat([self.up(x), skip], axis=-1))


class DepthNet(keras.Model):
    def __init__(self):
        super().__init__()
        self.tracker = keras.metrics.Mean(name="loss")
        self.down = [DownBlock(16), DownBlock(32), DownBlock(64)]
        self.middle = layers.Conv2D(128, 3, padding="same", activation="relu")
        self.up = [UpBlock(64), UpBlock(32), UpBlock(16)]
        self.depth_head = layers.Conv2D(1, 1, padding="same", activation="tanh")

    def depth_loss(self, target, pred):
        dy_t, dx_t = tf.image.image_gradients(target)
        dy_p, dx_p = tf.image.image_gradients(pred)
        edges = tf.reduce_mean(tf.abs(dy_p - dy_t) + tf.abs(dx_p - dx_t))
        ssim = tf.reduce_mean(1 - tf.image.ssim(target, pred, max_val=2.0))
        l1 = tf.reduce_mean(tf.abs(target - pred))
        return 0.85 * ssim + 0.1 * l1 + 0.9 * edges

    @property
    def metrics(self):
        return [self.tracker]

    def train_step(self, data):
        images, depths = data
        with tf.GradientTape() as tape:
            predicted = self(images, training=True)
            loss = self.depth_loss(depths, predicted)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.tracker.update_state(loss)
        return {"loss": self.tracker.result()}

    def test_step(self, data):
        images, depths = data
        self.tracker.update_state(self.depth_loss(depths, self(images, training=False)))
        return {"loss": self.tracker.result()}

    def call(self, x):
        skips = []
        for block in self.down:
            skip, x = block(x)
            skips.append(skip)
        x = self.middle(x)
        for block, skip in zip(self.up, reversed(skips)):
            x = block(x, skip)
        return self.depth_head(x)


images = np.random.rand(32, HEIGHT, WIDTH, 3).astype("float32")
depths = np.random.uniform(-1, 1, (32, HEIGHT, WIDTH, 1)).astype("float32")

model = DepthNet()
unused = keras.losses.SparseCategoricalCrossentropy(from_logits=True, reduction="none")
model.compile(keras.optimizers.Adam(2e-4), loss=unused)
model.fit(images, depths, batch_size=8, epochs=3, validation_split=0.25)
