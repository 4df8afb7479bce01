# source: https://stackoverflow.com/questions/68773774
# mistake: 20 one-hot topics (to_categorical) are fitted by Dense(units=1, activation="sigmoid") with loss='CategoricalCrossentropy' given as the class name: categorical crossentropy over a single unit cannot learn (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/68773774; data filled in)
# shape: literal; loss given as the class-name string 'CategoricalCrossentropy', 3-D input through InputLayer
# expect: KL103 line 21
import keras
import numpy as np
from keras.utils import to_categorical

SENTENCES, DIM = 20, 300
doc_vectors = np.load("doc_embeddings.npy").reshape(-1, SENTENCES, DIM)
doc_topics = to_categorical(np.load("doc_topics.npy"))

topic_model = keras.Sequential(
    [
        keras.layers.InputLayer(input_shape=(SENTENCES, DIM)),
        keras.layers.Dense(units=300, activation="relu"),
        keras.layers.Dense(units=20, activation="relu"),
        keras.layers.Dense(units=1, activation="sigmoid"),
    ]
)
topic_model.compile(optimizer="adam", loss="CategoricalCrossentropy", metrics=["accuracy"])
topic_model.fit(doc_vectors, doc_topics, epochs=10, batch_size=1)
