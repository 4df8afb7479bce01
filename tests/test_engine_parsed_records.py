"""Labels parsed from TFRecord files with ``tf.io.parse_single_example``.

A ``tf.io.FixedLenFeature([], tf.int64)`` parses to one integer per example
(tensorflow/python/ops/parsing_config.py): a dataset mapped through a parse
function returning ``(image, example["label"])`` has integer labels.
"""

from __future__ import annotations

import pytest

from keraslint.checker import lint_text

PROGRAM = """\
import tensorflow as tf
from tensorflow import keras

feature_spec = {{
    "image": tf.io.FixedLenFeature([], tf.string),
    "label": {label},
}}


def parse_example(serialized):
    example = tf.io.parse_single_example(serialized, feature_spec)
    image = tf.io.decode_png(example["image"], channels=1)
    return image, example["label"]


train_ds = tf.data.TFRecordDataset(["train.tfrecord"]).map(parse_example).batch(64)
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(179, activation="softmax")])
model.compile(optimizer="adam", loss="{loss}")
model.fit(train_ds, epochs=5)
"""


def codes(code: str) -> list[tuple[str, int]]:
    result = lint_text("m.py", code)
    assert not result.internal_errors
    return [(d.code, d.span.start.line) for d in result.diagnostics]


@pytest.mark.parametrize(
    "label", ["tf.io.FixedLenFeature([], tf.int64)", "tf.io.FixedLenFeature(shape=(), dtype=tf.int64)"]
)
def test_integer_labels_parsed_from_records(label: str) -> None:
    code = PROGRAM.format(label=label, loss="categorical_crossentropy")
    assert codes(code) == [("KL202", 18)]


@pytest.mark.parametrize(
    "label",
    [
        # Not one integer per example.
        "tf.io.FixedLenFeature([179], tf.int64)",
        "tf.io.FixedLenFeature([], tf.float32)",
        "tf.io.FixedLenFeature([], tf.string)",
        "tf.io.VarLenFeature(tf.int64)",
        "make_feature()",
    ],
)
def test_other_features_stay_unknown(label: str) -> None:
    assert codes(PROGRAM.format(label=label, loss="categorical_crossentropy")) == []


def test_the_sparse_loss_on_parsed_integer_labels_is_silent() -> None:
    code = PROGRAM.format(label="tf.io.FixedLenFeature([], tf.int64)", loss="sparse_categorical_crossentropy")
    assert codes(code) == []


def test_a_spec_changed_in_place_stays_unknown() -> None:
    code = PROGRAM.format(label="tf.io.FixedLenFeature([], tf.int64)", loss="categorical_crossentropy").replace(
        "\n\ndef parse_example",
        '\nfeature_spec["label"] = tf.io.FixedLenFeature([179], tf.float32)\n\ndef parse_example',
    )
    assert codes(code) == []


def test_a_spec_also_given_elsewhere_stays_unknown() -> None:
    code = PROGRAM.format(label="tf.io.FixedLenFeature([], tf.int64)", loss="categorical_crossentropy").replace(
        "\n\ndef parse_example", "\nadd_defaults(feature_spec)\n\ndef parse_example"
    )
    assert codes(code) == []
