# source: https://stackoverflow.com/questions/63279168
# mistake: MNIST convnet with validation data: categorical_crossentropy on ytrain/ytest straight from load_data(), integers 0-9 that were never one-hot encoded (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s63279168_original.py; the channel axis is added here so the convolution gets 4-D input)
# shape: keras.datasets; tf.keras.datasets.mnist.load_data() unpacked into xtrain/ytrain/xtest/ytest
# expect: KL202 line 20
import tensorflow as tf

(xtrain, ytrain), (xtest, ytest) = tf.keras.datasets.mnist.load_data()
xtrain = xtrain[..., None] / 255.0
xtest = xtest[..., None] / 255.0

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(16, kernel_size=3, activation="relu"),
    tf.keras.layers.MaxPooling2D(pool_size=2),
    tf.keras.layers.Conv2D(32, kernel_size=3, activation="relu"),
    tf.keras.layers.MaxPooling2D(pool_size=2),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(10, activation="softmax"),
])
model.compile(loss="categorical_crossentropy",
              optimizer="adam",
              metrics="accuracy")
history = model.fit(xtrain, ytrain, validation_data=(xtest, ytest), epochs=10, batch_size=8)
