# source: https://github.com/samiam567/NUR-39900-Lab/blob/9b923f35ad3d40673d911ea18cb34e904a0b69de/Gloria_tensorflow_hello_world.py
# mistake: a student's edit of the TensorFlow quickstart: the last layer became Dense(1) while the loss stays SparseCategoricalCrossentropy(from_logits=True), held in a loss_fn variable; a softmax over one logit is always 1, so the loss is 0 and nothing is learned; the fit's targets, the literal labels 1-5, also need at least six logits (header corrected after the first run: this KL204 was left out)
# shape: module-level variable; loss object in a loss_fn variable passed to compile, MNIST loaded but the fit uses small literal lists
# expect: KL103 line 20/22
# expect: KL204 line 17
import tensorflow as tf

print("TensorFlow version:", tf.__version__)
mnist = tf.keras.datasets.mnist
(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0

model = tf.keras.models.Sequential([
    tf.keras.layers.Dense(1),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(1),
])

loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
model.compile(optimizer="adam",
              loss=loss_fn,
              metrics=["accuracy"])
model.fit([1, 2, 3, 4, 5], [1, 2, 3, 4, 5])
print(model.summary())
