# source: https://stackoverflow.com/questions/68773774
# mistake: 20 one-hot topics (to_categorical) are fitted by Dense(units=1, activation="sigmoid") with loss='CategoricalCrossentropy' given as the class name: categorical crossentropy over a single unit cannot learn (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/68773774; data filled in)
# shape: literal; loss given as the class-name string 'CategoricalCrossentropy', 3-D input through InputLayer
# expect: KL103 line 19
import keras
import numpy as np
from keras.utils import to_categorical

docs = np.load("doc_embeddings.npy")
topics = np.load("doc_topics.npy")
X_train = np.reshape(docs, (-1, 20, 300))
y_train = to_categorical(topics)

nnmodel = keras.Sequential()
nnmodel.add(keras.layers.InputLayer(input_shape=(20, 300)))
nnmodel.add(keras.layers.Dense(units=300, activation="relu"))
nnmodel.add(keras.layers.Dense(units=20, activation="relu"))
nnmodel.add(keras.layers.Dense(units=1, activation="sigmoid"))
nnmodel.compile(optimizer="adam", loss="CategoricalCrossentropy", metrics=["accuracy"])
nnmodel.fit(X_train, y_train, epochs=10, batch_size=1)
for layer in nnmodel.layers:
    print(layer.output_shape)
