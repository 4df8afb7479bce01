# source: https://github.com/keras-team/keras/issues/14655
# mistake: none - loss and output agree: three land-cover classes label-encoded and one-hot with np_utils.to_categorical, Dense(3, activation='softmax') and categorical_crossentropy (the issue is that predictions show only two classes)
# shape: scikit-learn preprocessing of targets; LabelEncoder then to_categorical on pixels selected by a boolean mask of the ROI raster
# expect: none
import numpy as np
import rasterio
from keras.layers import Dense
from keras.models import Sequential
from keras.optimizers import SGD
from keras.utils import np_utils
from sklearn import preprocessing
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

with rasterio.open("landsat_stack.tif") as src:
    img = np.moveaxis(src.read(), 0, -1)
with rasterio.open("training_roi.tif") as src:
    roi = src.read(1)

X = img[roi > 0, :]
Y = roi[roi > 0]

encoder = LabelEncoder()
encoder.fit(Y)
encoded_Y = encoder.transform(Y)
dummy_y = np_utils.to_categorical(encoded_Y)
print("Our X matrix is sized: {sz}".format(sz=X.shape))
print("Our Y array is sized: {sz}".format(sz=dummy_y.shape))

X_train, X_test, Y_train, Y_test = train_test_split(X, dummy_y, test_size=0.20, random_state=42)
X_train = preprocessing.scale(X_train)
X_test = preprocessing.scale(X_test)

model = Sequential()
model.add(Dense(64, input_dim=4, activation="relu"))
model.add(Dense(3, activation="softmax"))
sgd = SGD(learning_rate=0.01, momentum=0.9, nesterov=True)
model.compile(loss="categorical_crossentropy", optimizer=sgd, metrics=["accuracy"])
history = model.fit(X_train, Y_train, epochs=2, batch_size=100, validation_data=(X_test, Y_test))
predictions = np.argmax(model.predict(img.reshape(-1, img.shape[-1])), axis=-1)
