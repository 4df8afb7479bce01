# source: https://stackoverflow.com/questions/60508218
# mistake: none in the loss or output; two sigmoid units trained with binary_crossentropy on two one-hot columns score each column as its own yes/no problem, a valid (if redundant) binary setup (the question is about a learning rate of 3e-5)
# shape: literal; labels one-hot encoded with to_categorical(y) into two columns, Adam with explicit betas (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/60508218; its make_classification stand-in replaced by saved arrays)
# expect: none
import numpy as np
from keras.layers import Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.optimizers import Adam
from keras.utils import to_categorical
from sklearn.model_selection import train_test_split

X = np.load("scans.npy").reshape(-1, 224, 224, 3)
y = to_categorical(np.load("scan_labels.npy"))
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.1, random_state=42)

model = Sequential()
model.add(Conv2D(32, kernel_size=(3, 3), activation="relu", input_shape=(224, 224, 3)))
model.add(Conv2D(64, (3, 3), activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(128, activation="relu"))
model.add(Dropout(0.5))
model.add(Dense(2, activation="sigmoid"))
opt = Adam(learning_rate=0.00003, beta_1=0.9, beta_2=0.999, epsilon=1e-08)
model.compile(optimizer=opt, loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, validation_data=(X_val, y_val), epochs=20, batch_size=10)
