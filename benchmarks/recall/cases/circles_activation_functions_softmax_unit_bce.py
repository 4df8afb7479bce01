# source: https://xue-jishu.com/shi-yong-keras-jin-xing-er-yuan-fen-lei-shi-sun-shi-zhi-bian-hua-dan-zhun-que-lyu-zhi-dong-jie
# mistake: make_circles binary classifier whose activations are passed as function objects (tf.keras.activations.sigmoid for the hidden layers); the output is Dense(1, activation=tf.keras.activations.softmax), constant 1.0, so BinaryCrossentropy moves while binary accuracy stays frozen at the share of positives
# shape: activation object; activations given as tf.keras.activations functions rather than strings, loss and metric as objects, l2 regularizer string
# expect: KL101 line 17
import tensorflow as tf
from sklearn.datasets import make_circles
from sklearn.model_selection import train_test_split

X, y = make_circles(n_samples=1000, noise=0.05, factor=0.5, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.1, random_state=0)

model = tf.keras.Sequential()
model.add(tf.keras.layers.Dense(6, activation=tf.keras.activations.sigmoid, input_shape=(2,),
                                kernel_regularizer="l2"))
model.add(tf.keras.layers.Dense(6, activation=tf.keras.activations.sigmoid,
                                kernel_regularizer="l2"))
model.add(tf.keras.layers.Dense(1, activation=tf.keras.activations.softmax))
model.compile(optimizer=tf.keras.optimizers.RMSprop(),
              loss=tf.keras.losses.BinaryCrossentropy(),
              metrics=[tf.keras.metrics.BinaryAccuracy()])
model.fit(X_train, y_train, epochs=10, validation_data=(X_val, y_val))
