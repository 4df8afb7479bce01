# source: https://github.com/amraboelela/tensorflow/blob/871b36e6400c100cc421cffd14dc2adc75b1a5a4/mrdbourke/02_neural_network_classification/classification/binary/model5_init.py
# mistake: the circles classifier "with a non-linear activation" puts relu on a hidden Dense(1) and leaves the output Dense(1) linear, compiled with the function binary_crossentropy (from_logits False): unbounded outputs are clipped as if they were probabilities
# shape: literal; activation and loss passed as function objects (relu, binary_crossentropy) instead of strings, make_circles data sliced 80/20 (the repository splits this over common.py, model5_init.py and model5_fit.py; joined in one file)
# expect: KL106 line 25
import tensorflow as tf
from sklearn.datasets import make_circles
from tensorflow.keras import Sequential
from tensorflow.keras.activations import relu
from tensorflow.keras.layers import Dense
from tensorflow.keras.losses import binary_crossentropy
from tensorflow.keras.optimizers import Adam

n_samples = 1000
X, y = make_circles(n_samples, noise=0.03, random_state=42)
X_train, y_train = X[:800], y[:800]
X_test, y_test = X[800:], y[800:]

tf.random.set_seed(42)
model5 = Sequential([
    Dense(1, activation=relu),  # can also do activation='relu'
    Dense(1),  # output layer
])

model5.compile(
    loss=binary_crossentropy,
    optimizer=Adam(),
    metrics=["accuracy"],
)

history5 = model5.fit(X, y, epochs=100)
