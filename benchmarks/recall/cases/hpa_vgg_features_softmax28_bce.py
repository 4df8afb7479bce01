# source: https://github.com/dungmn/Human-Protein-Atlas-Image-Classification/blob/48a70183ac6340f8873264a0cfa3f8fd56c721d7/vvg.py
# mistake: 28 protein-location labels (several per image) on a 28-way softmax trained with binary_crossentropy and thresholded at 0.5: the softmax forces the labels to compete
# shape: transfer learning on saved VGG16 bottleneck features; literal 28 units, features loaded with np.load
# expect: KL102 line 20
import numpy as np
from keras import models
from keras import layers
from keras.optimizers import SGD

X_train = np.load("bottleneck_vgg16_train.npy").reshape(-1, 7 * 7 * 512)
y_train = np.load("hpa_train_multi_hot.npy")          # (n, 28) 0/1
X_test = np.load("bottleneck_vgg16_test.npy").reshape(-1, 7 * 7 * 512)

model = models.Sequential()
model.add(layers.Dense(512, activation='relu', input_dim=7 * 7 * 512))
model.add(layers.Dropout(0.5))
model.add(layers.Dense(28, activation='softmax'))

sgd = SGD(learning_rate=0.01, momentum=0.9, nesterov=True)
model.compile(loss='binary_crossentropy',
              optimizer=sgd)

model.fit(X_train, y_train, epochs=5, batch_size=2000)
preds = model.predict(X_test)
preds[preds >= 0.5] = 1
preds[preds < 0.5] = 0
