# source: https://community.deeplearning.ai/t/binary-classification-simplest-classification-task/394676
# mistake: the mentor's suggestion in the thread, "try it without the logits": the single linear unit (float16) is kept but the loss becomes BinaryCrossentropy() with its default from_logits=False, so the raw score is clipped into [1e-7, 1 - 1e-7] and read as a probability
# shape: literal arrays; two samples with features [[-1], [1]] and labels [1, 0], a Dense(1, activation="linear", dtype=tf.float16) head, loss object with default arguments
# expect: KL106 line 18
import numpy as np
import tensorflow as tf

features = np.array([[-1.0], [1.0]], dtype=np.float16)
labels = np.array([1.0, 0.0], dtype=np.float16)

model = tf.keras.models.Sequential([
    tf.keras.layers.Input(shape=(1,)),
    tf.keras.layers.Dense(1, activation="linear", dtype=tf.float16),
])

model.compile(
    optimizer=tf.keras.optimizers.SGD(learning_rate=2.55),
    loss=tf.keras.losses.BinaryCrossentropy(),
    metrics=["accuracy"],
)
model.fit(features, labels, epochs=1000, verbose=0)
print(model.predict(features))
