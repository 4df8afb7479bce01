# source: https://stats.stackexchange.com/questions/481881/convolutional-neural-network-fails-even-when-given-answer
# mistake: binary CNN built inside a helper function ends in Dense(1, activation='softmax') (always 1.0) and is compiled with categorical_crossentropy on a single output
# shape: builder function; model built and compiled inside a train-and-predict function taking the data as parameters
# expect: KL101 line 16
# expect: KL103 line 21
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, Flatten, Dense


def CNN(train_X, train_y, test_X, test_y):
    model = Sequential([
        Conv2D(30, kernel_size=3, activation="relu", input_shape=(99, 25, 2)),
        Conv2D(64, kernel_size=3, activation="relu"),
        Flatten(),
        Dense(1, activation='softmax')
    ])

    model.compile(
        'adam',
        loss='categorical_crossentropy',
        metrics=['accuracy'],
    )

    model.fit(train_X, train_y, epochs=1)
    preds = np.round(model.predict(test_X), 0)
    return preds


X = np.load("frames.npy")          # (n, 99, 25, 2)
y = np.load("is_event.npy")        # 0/1
split = int(0.8 * len(X))
preds = CNN(X[:split], y[:split], X[split:], y[split:])
print("accuracy", np.mean(preds[:, 0] == y[split:]))
