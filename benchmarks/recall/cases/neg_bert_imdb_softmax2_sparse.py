# source: https://github.com/CyberZHG/keras-bert/issues/95
# mistake: none - IMDB sentiment with a 2-unit softmax on integer 0/1 labels and sparse_categorical_crossentropy, as the demo does (the reporter's question resolved: integer labels, one unit per class)
# shape: two-class softmax; 2-unit softmax head on a pretrained encoder's pooled output, integer labels from a loop over folders
# expect: none
import os
import numpy as np
from tensorflow import keras

SEQ_LEN = 128


def load_split(path):
    texts, labels = [], []
    for label, folder in enumerate(["neg", "pos"]):
        for name in os.listdir(os.path.join(path, folder)):
            with open(os.path.join(path, folder, name), encoding="utf-8") as handle:
                texts.append(handle.read())
            labels.append(label)
    return texts, np.array(labels)


train_texts, train_y = load_split("aclImdb/train")
token_ids = np.load("imdb_train_token_ids.npy")
segment_ids = np.zeros_like(token_ids)

encoder = keras.models.load_model("bert_encoder.h5")
inputs = encoder.inputs[:2]
dense = encoder.get_layer("NSP-Dense").output
outputs = keras.layers.Dense(units=2, activation="softmax")(dense)
model = keras.models.Model(inputs, outputs)
model.compile(optimizer=keras.optimizers.Adam(2e-5), loss="sparse_categorical_crossentropy",
              metrics=["sparse_categorical_accuracy"])
model.fit([token_ids, segment_ids], train_y, epochs=1, batch_size=32)
