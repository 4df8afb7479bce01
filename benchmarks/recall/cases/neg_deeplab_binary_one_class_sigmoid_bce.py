# source: https://github.com/keras-team/keras-io/issues/648
# mistake: none - the reporter's final version: NUM_CLASSES = 1, a sigmoid on the last Conv2D and BinaryCrossentropy(from_logits=False) on 0/1 masks
# shape: convolution head; Conv2D(num_classes, 1, activation='sigmoid') in a builder, width from a module constant (1), tf.data map over image/mask paths
# expect: none
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

IMAGE_SIZE = 512
BATCH_SIZE = 4
NUM_CLASSES = 1


def read_pair(image_path, mask_path):
    image = tf.image.decode_png(tf.io.read_file(image_path), channels=3)
    image = tf.image.resize(image, [IMAGE_SIZE, IMAGE_SIZE]) / 127.5 - 1
    mask = tf.image.decode_png(tf.io.read_file(mask_path), channels=1)
    mask = tf.image.resize(mask, [IMAGE_SIZE, IMAGE_SIZE], method="nearest")
    return image, tf.cast(mask > 0, tf.float32)


def data_generator(image_list, mask_list):
    dataset = tf.data.Dataset.from_tensor_slices((image_list, mask_list))
    dataset = dataset.map(read_pair, num_parallel_calls=tf.data.AUTOTUNE)
    return dataset.batch(BATCH_SIZE, drop_remainder=True)


def convolution_block(block_input, num_filters=256, kernel_size=3, dilation_rate=1):
    x = layers.Conv2D(num_filters, kernel_size, dilation_rate=dilation_rate, padding="same",
                      use_bias=False)(block_input)
    x = layers.BatchNormalization()(x)
    return tf.nn.relu(x)


def DilatedSpatialPyramidPooling(dspp_input):
    out_1 = convolution_block(dspp_input, kernel_size=1, dilation_rate=1)
    out_6 = convolution_block(dspp_input, kernel_size=3, dilation_rate=6)
    out_12 = convolution_block(dspp_input, kernel_size=3, dilation_rate=12)
    x = layers.Concatenate(axis=-1)([out_1, out_6, out_12])
    return convolution_block(x, kernel_size=1)


def DeeplabV3Plus(image_size, num_classes):
    model_input = keras.Input(shape=(image_size, image_size, 3))
    resnet50 = keras.applications.ResNet50(weights="imagenet", include_top=False, input_tensor=model_input)
    x = resnet50.get_layer("conv4_block6_2_relu").output
    x = DilatedSpatialPyramidPooling(x)
    input_a = layers.UpSampling2D(size=(image_size // 4 // x.shape[1], image_size // 4 // x.shape[2]),
                                  interpolation="bilinear")(x)
    input_b = convolution_block(resnet50.get_layer("conv2_block3_2_relu").output, num_filters=48, kernel_size=1)
    x = layers.Concatenate(axis=-1)([input_a, input_b])
    x = convolution_block(x)
    x = layers.UpSampling2D(size=(image_size // x.shape[1], image_size // x.shape[2]), interpolation="bilinear")(x)
    model_output = layers.Conv2D(num_classes, kernel_size=(1, 1), padding="same", activation="sigmoid")(x)
    return keras.Model(inputs=model_input, outputs=model_output)


images = sorted(tf.io.gfile.glob("cells/images/*.png"))
masks = sorted(tf.io.gfile.glob("cells/masks/*.png"))
train_dataset = data_generator(images[:800], masks[:800])
val_dataset = data_generator(images[800:], masks[800:])
model = DeeplabV3Plus(image_size=IMAGE_SIZE, num_classes=NUM_CLASSES)
loss = keras.losses.BinaryCrossentropy(from_logits=False)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss=loss, metrics=["accuracy"])
model.fit(train_dataset, validation_data=val_dataset, epochs=25)
