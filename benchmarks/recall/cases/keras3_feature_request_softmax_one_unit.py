# source: https://github.com/keras-team/keras/issues/18909
# mistake: Keras 3 Sequential ends in Dense(1, activation="softmax"): every prediction is exactly 1.0 (the reporter's own demonstration)
# shape: literal; Keras 3 keras.Sequential list, no compile before predict
# expect: KL101 line 11
import keras
import numpy as np

keras.__version__  # 3.0.1

model = keras.Sequential([
    keras.layers.Dense(1, activation="softmax")
])

x = np.random.randn(100, 1)
if np.allclose(model.predict(x), 1.0):
    print("1 neuron with softmax only outputs 1s")
