# source: https://github.com/raghakot/keras-resnet/issues/49
# mistake: the project's resnet.py builds its classifier head as Dense(units=num_outputs, activation="softmax") whatever num_outputs is; the user's training script imports ResnetBuilder from it and builds build_resnet_18(..., 1) for a binary task with binary_crossentropy (the issue: "use sigmoid instead of softmax for the last layer if num_outputs == 1"), so every prediction is 1.0 (the training script is filled in)
# shape: builder in another module; `from resnet import ResnetBuilder`, static methods of the imported class pass num_outputs=1 down to Dense(units=num_outputs, activation="softmax") in resnet.py
# expect: KL101 line 11
import numpy as np

from resnet import ResnetBuilder

x_train = np.load("lesions_x.npy")
y_train = np.load("lesions_y.npy")
model = ResnetBuilder.build_resnet_18((224, 224, 3), 1)
model.compile(loss="binary_crossentropy", optimizer="sgd", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=32, epochs=20, validation_split=0.1)
