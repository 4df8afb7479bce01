# source: https://github.com/QCmonk/Qmemristor/pull/1
# mistake: quantum-reservoir MNIST classifier (digits 0, 3, 8 remapped to 0-2): the network ends in Dense(units=3, activation='softmax') but the loss object is CategoricalCrossentropy(from_logits=True), so the probabilities are squashed a second time; the pull request switches from_logits off (rewritten from main.py at 666d6fe64678f03eccc98ce531cbc6781b6d8eb9; the reservoir simulation is replaced by loading its saved output)
# shape: functional graph; custom measurement layer from the project's own module before the Dense stack, loss object built in a variable, fit under an if flag
# expect: KL105 line 33/40
import numpy as np
import tensorflow as tf
import keras
from keras import optimizers
from keras.layers import Input, Dense
from keras.models import Model
from ucell.ucell import MeasureLayer  # the project's own layer

modes = 6
photons = 3
dim = 56          # comb(modes + photons - 1, photons)
epochs = 15
init_lr = 5e-2
batch_size = 5
train = True
file_name = "MNIST_MAP.npz"

saved = np.load(file_name)
data_train, data_test = saved["data_train"][:1000], saved["data_test"][:1000]
y_train, y_test = saved["y_train"][:1000], saved["y_test"][:1000]

input_state = Input(batch_shape=[None, dim, dim], dtype=tf.complex64, name="state_input")
output = MeasureLayer(modes, photons, force=True)(input_state)
output = Dense(units=20)(output)
output = Dense(units=20)(output)
output = Dense(units=3, activation="softmax", use_bias=True)(output)

opt = optimizers.Adam(learning_rate=init_lr)
loss = tf.keras.losses.CategoricalCrossentropy(
    from_logits=True,
    label_smoothing=0,
    name="categorical_crossentropy")

model = Model(inputs=input_state, outputs=output, name="Optical_Resevoir_Compute_Network")
model.compile(optimizer=opt,
              loss=loss,
              metrics=["accuracy"])
model.summary()

label_train = keras.utils.to_categorical(y_train, 3)
label_test = keras.utils.to_categorical(y_test, 3)
if train:
    model.fit(x=data_train, y=label_train, epochs=epochs,
              steps_per_epoch=len(data_train) // batch_size, verbose=1,
              validation_data=(data_test, label_test), validation_steps=1)
    print(model.evaluate(data_test, label_test))
