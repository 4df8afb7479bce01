# source: https://community.deeplearning.ai/t/binary-classification-simplest-classification-task/394676
# mistake: none - the program as the question posted it: one linear unit producing a logit, BinaryCrossentropy(from_logits=True) on 0/1 labels; the thread was about the loss never reaching 0, which needs a higher learning rate, not another loss
# shape: literal arrays; two samples with features [[-1], [1]] and labels [1, 0], a Dense(1, activation="linear", dtype=tf.float16) head, loss object with from_logits=True
# expect: none
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
    loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
model.fit(features, labels, epochs=1000, verbose=0)
print(model.predict(features))
