# source: https://github.com/dmlerner/Keras/blob/14e46a0e5b22fd61bc9e2363d117ddc9a3da97f9/data_ilsvrc.py
# mistake: a 569-class ILSVRC crop classifier fed one-hot labels by flow_from_directory(class_mode='categorical') ends in Dense(569, activation='sigmoid') with categorical_crossentropy: the sigmoid outputs are not a distribution, so the loss rewards pushing every unit to 1
# shape: functional model built through helper functions (conv_suite, dense_suite with an activation parameter) at module level, flow_from_directory with class_mode='categorical', fit_generator-style loop; the repository's make_parallel wrapper is left out
# expect: KL107 line 42
from keras.layers import Activation, BatchNormalization, Conv2D, Dense, Flatten, Input, MaxPooling2D
from keras.models import Model
from keras.optimizers import Nadam
from keras.preprocessing.image import ImageDataGenerator

root = "/data/ILSVRC/cropped/"
generator = ImageDataGenerator(
    samplewise_center=True,
    samplewise_std_normalization=True,
    horizontal_flip=True,
    rotation_range=10,
)
flow_train = generator.flow_from_directory(root + "train", class_mode="categorical", batch_size=50)
flow_test = generator.flow_from_directory(root + "test", class_mode="categorical", batch_size=50)


def conv_suite(inputs, n, size):
    conv = Conv2D(n, (size, size))(inputs)
    batch = BatchNormalization(axis=1)(conv)
    pool = MaxPooling2D((4, 4))(batch)
    return Activation("relu")(pool)


def dense_suite(inputs, n, activation="relu"):
    dense = Dense(n, activation=activation, use_bias=True)(inputs)
    return BatchNormalization()(dense)


inputs = Input(shape=(256, 256, 3))
c1 = conv_suite(inputs, 20, 3)
c2 = conv_suite(c1, 40, 3)
c3 = conv_suite(c2, 40, 3)
flat = Flatten()(c3)
d1 = dense_suite(flat, 2000)
d2 = dense_suite(d1, 1000)
d3 = dense_suite(d2, 500)
d4 = dense_suite(d3, 250)
outputs = Dense(569, activation="sigmoid", use_bias=True)(d4)

model = Model(inputs=inputs, outputs=outputs)
model.compile(optimizer=Nadam(), loss="categorical_crossentropy")

for epoch in range(10000):
    history = model.fit(flow_train, validation_data=flow_test, steps_per_epoch=1, validation_steps=1)
    if epoch % 100 == 0:
        model.save("keras.keras")
