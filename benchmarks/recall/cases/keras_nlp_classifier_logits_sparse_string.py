# source: https://github.com/keras-team/keras-hub/pull/1008
# mistake: a KerasNLP BertClassifier outputs logits by default (activation=None), but it is recompiled with the string loss 'sparse_categorical_crossentropy', which expects probabilities (the PR adds an error for exactly this)
# shape: library model; output layer inside a preset task model (BertClassifier.from_preset, activation default None)
# expect: KL106 line 16
import keras_nlp
from tensorflow import keras

features = ["The movie was great!", "What a waste of time."]
labels = [1, 0]

classifier = keras_nlp.models.BertClassifier.from_preset(
    "bert_tiny_en_uncased",
    num_classes=2,
)
classifier.compile(
    loss="sparse_categorical_crossentropy",
    optimizer=keras.optimizers.Adam(5e-5),
    jit_compile=True,
)
classifier.fit(x=features, y=labels, batch_size=2)
