# source: https://github.com/codeSmith12/PythonStuff/blob/9ff01c3868c243ed185b788d77e1db853fd3382b/AI/ImageProcessor.py
# mistake: none - the TensorFlow quickstart as written: a linear Dense(10) trained with SparseCategoricalCrossentropy(from_logits=True), softmax applied only afterwards, by hand with tf.nn.softmax and by a Sequential([model, Softmax()]) wrapper used for prediction
# shape: separate Softmax layer; softmax after training in a probability model that is never compiled or trained, loss object in a loss_fn variable called once on the untrained predictions
# expect: none
import tensorflow as tf

mnist = tf.keras.datasets.mnist
(xTrain, yTrain), (xTest, yTest) = mnist.load_data()
xTrain, xTest = xTrain / 255.0, xTest / 255.0

model = tf.keras.models.Sequential([
    tf.keras.layers.Flatten(input_shape=(28, 28)),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(10),
])

predictions = model(xTrain[:1]).numpy()
tf.nn.softmax(predictions).numpy()

loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
loss_fn(yTrain[:1], predictions).numpy()

model.compile(optimizer="adam", loss=loss_fn, metrics=["accuracy"])
model.fit(xTrain, yTrain, epochs=100)
model.evaluate(xTest, yTest, verbose=2)

probabilityModel = tf.keras.Sequential([
    model,
    tf.keras.layers.Softmax(),
])
probabilityModel(xTest[:5])
