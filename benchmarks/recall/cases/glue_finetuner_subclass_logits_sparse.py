# source: https://github.com/keras-team/keras-hub/pull/176
# mistake: the BERT GLUE finetuning script's classifier (a keras.Model subclass) returns Dense(num_classes, name="logits") without activation, but the model is compiled with loss="sparse_categorical_crossentropy", which expects probabilities (the PR fixes the loss and metric config)
# shape: subclassed model; output layer built in __init__ from the constructor argument num_classes, which comes from the tfds GLUE metadata; argparse flags
# expect: KL106 line 65
import argparse

import tensorflow as tf
import tensorflow_datasets as tfds
from tensorflow import keras

parser = argparse.ArgumentParser()
parser.add_argument("--task_name", default="mrpc")
parser.add_argument("--saved_model_input", default="bert_pretrained")
parser.add_argument("--vocab_file", default="vocab.txt")
parser.add_argument("--batch_size", type=int, default=32)
parser.add_argument("--epochs", type=int, default=3)
parser.add_argument("--learning_rate", type=float, default=2e-5)
args = parser.parse_args()


class BertClassificationFinetuner(keras.Model):
    """Adds a pooler and a classification head to a pretrained BERT encoder."""

    def __init__(self, bert_model, hidden_size, num_classes, **kwargs):
        super().__init__(**kwargs)
        self.bert_model = bert_model
        self._pooler_layer = keras.layers.Dense(hidden_size, activation="tanh", name="pooler")
        self._logit_layer = keras.layers.Dense(num_classes, name="logits")

    def call(self, inputs):
        outputs = self.bert_model(inputs)
        pooled = self._pooler_layer(outputs["sequence_output"][:, 0, :])
        return self._logit_layer(pooled)


def load_data(task_name):
    datasets, info = tfds.load(f"glue/{task_name}", with_info=True)
    return datasets, info.features["label"].num_classes


def make_preprocessor(vocab_file, seq_length=128):
    tokenizer = keras.layers.TextVectorization(output_sequence_length=seq_length, vocabulary=vocab_file)

    def preprocess(example):
        token_ids = tokenizer(example["sentence1"] + " [SEP] " + example["sentence2"])
        features = {"token_ids": token_ids, "padding_mask": tf.cast(token_ids != 0, "int32")}
        return features, example["label"]

    return preprocess


bert_model = keras.models.load_model(args.saved_model_input, compile=False)
datasets, num_classes = load_data(args.task_name)
preprocess = make_preprocessor(args.vocab_file)
train_ds = datasets["train"].map(preprocess).batch(args.batch_size)
validation_ds = datasets["validation"].map(preprocess).batch(args.batch_size)

finetuning_model = BertClassificationFinetuner(
    bert_model=bert_model,
    hidden_size=bert_model.output["sequence_output"].shape[-1],
    num_classes=num_classes,
)
finetuning_model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=args.learning_rate),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
finetuning_model.fit(train_ds, validation_data=validation_ds, epochs=args.epochs)
