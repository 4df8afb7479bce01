# source: https://github.com/tensorflow/docs/pull/2200
# mistake: none - the image segmentation tutorial: the U-Net's last layer is a Conv2DTranspose with output_channels filters and no activation, trained with SparseCategoricalCrossentropy(from_logits=True) on integer masks (the PR only fixes the prose)
# shape: convolution head; Conv2DTranspose(output_channels) logits head in a unet_model(output_channels) builder, skip connections from a backbone, tf.data pipeline with map
# expect: none
import tensorflow as tf
import tensorflow_datasets as tfds

OUTPUT_CLASSES = 3
dataset, info = tfds.load("oxford_iiit_pet:3.*.*", with_info=True)


def load_image(datapoint):
    image = tf.image.resize(datapoint["image"], (128, 128)) / 255.0
    mask = tf.image.resize(datapoint["segmentation_mask"], (128, 128), method="nearest") - 1
    return image, mask


train_batches = dataset["train"].map(load_image).cache().shuffle(1000).batch(64).repeat()
base_model = tf.keras.applications.MobileNetV2(input_shape=[128, 128, 3], include_top=False)
layer_names = ["block_1_expand_relu", "block_3_expand_relu", "block_6_expand_relu", "block_13_expand_relu",
               "block_16_project"]
down_stack = tf.keras.Model(inputs=base_model.input,
                            outputs=[base_model.get_layer(name).output for name in layer_names])
down_stack.trainable = False


def upsample(filters, size):
    return tf.keras.Sequential([
        tf.keras.layers.Conv2DTranspose(filters, size, strides=2, padding="same", use_bias=False),
        tf.keras.layers.BatchNormalization(),
        tf.keras.layers.ReLU(),
    ])


def unet_model(output_channels):
    inputs = tf.keras.layers.Input(shape=[128, 128, 3])
    skips = down_stack(inputs)
    x = skips[-1]
    for up, skip in zip([upsample(512, 3), upsample(256, 3), upsample(128, 3), upsample(64, 3)],
                        reversed(skips[:-1])):
        x = up(x)
        x = tf.keras.layers.Concatenate()([x, skip])
    last = tf.keras.layers.Conv2DTranspose(filters=output_channels, kernel_size=3, strides=2, padding="same")
    return tf.keras.Model(inputs=inputs, outputs=last(x))


model = unet_model(output_channels=OUTPUT_CLASSES)
model.compile(optimizer="adam", loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(train_batches, epochs=20, steps_per_epoch=info.splits["train"].num_examples // 64)
