# source: https://github.com/draculamini/grpc-alg/blob/5480c17e76a5898962d2ec43f65ea19e87af1fb6/tf_2.0/basic/quickstart4beginner.py
# mistake: none - the quickstart rewritten with the softmax inside the model (Dense(10, activation='softmax'), the separate Softmax() layer commented out) and the loss explicitly SparseCategoricalCrossentropy(from_logits=False), matching the probabilities
# shape: keras.datasets; loss object with from_logits=False in a loss_fn variable, one forward pass on an untrained batch before compile
# expect: none
import tensorflow as tf

mnist = tf.keras.datasets.mnist
(x_train, y_train), (x_test, y_test) = mnist.load_data()
print(x_train.shape)

model = tf.keras.models.Sequential(
    [tf.keras.layers.Flatten(input_shape=(28, 28)),
     tf.keras.layers.Dense(128, activation="relu"),
     tf.keras.layers.Dropout(0.2),
     tf.keras.layers.Dense(10, activation="softmax"),
     # tf.keras.layers.Softmax()
     ]
)

prediction = model(x_train[:1]).numpy()
print(prediction)
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=False)

model.compile(optimizer="adam", loss=loss_fn, metrics=["accuracy"])
model.fit(x_train, y_train, epochs=5)
model.evaluate(x_test, y_test, verbose=2)
