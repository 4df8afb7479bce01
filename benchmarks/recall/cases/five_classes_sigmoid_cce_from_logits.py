# source: https://stackoverflow.com/questions/66602662
# mistake: a 5-class problem (integer labels) is fitted by a single sigmoid unit with CategoricalCrossentropy(from_logits=True): one output for five classes, the sigmoid output read as logits, and integer labels given to the one-hot loss (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/66602662; data loading filled in)
# shape: scikit-learn generator; make_classification with n_classes=5, loss object from keras.losses imported by name
# expect: KL103 line 21
# expect: KL105 line 21
# expect: KL202 line 21
import tensorflow as tf
from keras.losses import CategoricalCrossentropy
from sklearn.datasets import make_classification

X, y = make_classification(1000, 5, n_classes=5, n_informative=4, n_redundant=0, random_state=42)

model = tf.keras.Sequential([
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dense(16, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(8, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss=CategoricalCrossentropy(from_logits=True))
model.fit(X, y, epochs=20, batch_size=24)
