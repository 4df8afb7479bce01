# source: https://github.com/keras-team/keras-hub/issues/954
# mistake: none - a KerasNLP classifier left at its default logits output, compiled with SparseCategoricalCrossentropy(from_logits=True)
# shape: library model; output layer inside a preset task model, loss object with from_logits=True
# expect: none
import keras_nlp
from tensorflow import keras

features = ["What an amazing movie!", "A total waste of my time."]
labels = [1, 0]

classifier = keras_nlp.models.BertClassifier.from_preset("bert_tiny_en_uncased", num_classes=2)
classifier.compile(
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    optimizer=keras.optimizers.Adam(5e-5),
    metrics=[keras.metrics.SparseCategoricalAccuracy()],
)
classifier.fit(x=features, y=labels, batch_size=2)
