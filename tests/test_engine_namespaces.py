"""Attribute bags (``knowledge/namespaces.py``): ``types.SimpleNamespace(**CONFIG)``
and ``argparse.Namespace(**CONFIG)`` hold each key as an attribute, read in a
builder they are passed to (``if flags.return_softmax:``); and a builder
that passes a part of its config on (``Dense(config["units"])``) still
reads the config it was given afterwards."""

from __future__ import annotations

import textwrap

import pytest

from keraslint.config import Settings
from keraslint.runner import check_bytes


def codes(program: str) -> list[tuple[str, int]]:
    result = check_bytes("model.py", textwrap.dedent(program).encode(), Settings())
    assert not result.internal_errors
    assert all(d.code != "KL001" for d in result.diagnostics), result.diagnostics
    return sorted((d.code, d.span.start.line) for d in result.diagnostics if d.code[:3] in ("KL1", "KL2"))


NAMESPACE_FLAGS = """\
import types
import tensorflow as tf
CONFIG = {"label_count": 12, "return_softmax": 1}
def build(flags):
    inputs = tf.keras.Input(shape=(98, 40))
    net = tf.keras.layers.GRU(32)(inputs)
    net = tf.keras.layers.Dense(flags.label_count)(net)
    if flags.return_softmax:
        net = tf.keras.layers.Activation("softmax")(net)
    return tf.keras.Model(inputs, net)
flags = types.SimpleNamespace(**CONFIG)
model = build(flags)
model.compile(loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(x, y)
"""

ARGPARSE_FLAGS = """\
import argparse
from tensorflow import keras
def head(args):
    inputs = keras.Input(shape=(20,))
    out = keras.layers.Dense(args.units, activation=args.activation)(inputs)
    return keras.Model(inputs, out)
args = argparse.Namespace(units=1, activation="softmax", lr=0.01)
clf = head(args)
clf.compile(optimizer="adam", loss="binary_crossentropy")
clf.fit(x, y)
"""

DICT_PART_PASSED_ON = """\
import tensorflow as tf
CONFIG = {"label_count": 12, "return_softmax": True}
def build(config):
    inputs = tf.keras.Input(shape=(40,))
    net = tf.keras.layers.Dense(config["label_count"])(inputs)
    if config["return_softmax"]:
        net = tf.keras.layers.Activation("softmax")(net)
    return tf.keras.Model(inputs, net)
model = build(CONFIG)
model.compile(loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(x, y)
"""

FOUND = [
    (NAMESPACE_FLAGS, [("KL105", 13)]),
    (ARGPARSE_FLAGS, [("KL101", 5)]),
    (DICT_PART_PASSED_ON, [("KL105", 10)]),
]


@pytest.mark.parametrize(("program", "expected"), FOUND)
def test_a_builder_reads_the_flags_it_is_given(program: str, expected: list[tuple[str, int]]) -> None:
    assert codes(program) == expected


SILENT = [
    # The correct twins: the flag off, a sigmoid unit, the flag False.
    NAMESPACE_FLAGS.replace('"return_softmax": 1', '"return_softmax": 0'),
    ARGPARSE_FLAGS.replace('activation="softmax"', 'activation="sigmoid"'),
    DICT_PART_PASSED_ON.replace('"return_softmax": True', '"return_softmax": False'),
    # The namespace changed after it is made: its attribute is not trusted.
    NAMESPACE_FLAGS.replace("model = build(flags)", "flags.return_softmax = read_flag()\nmodel = build(flags)"),
    # A mapping of unknown keys, a positional argument, a keyword given twice.
    NAMESPACE_FLAGS.replace("types.SimpleNamespace(**CONFIG)", "types.SimpleNamespace(**load_config())"),
    NAMESPACE_FLAGS.replace("types.SimpleNamespace(**CONFIG)", "types.SimpleNamespace(CONFIG)"),
    NAMESPACE_FLAGS.replace("types.SimpleNamespace(**CONFIG)", "types.SimpleNamespace(**CONFIG, return_softmax=0)"),
    # A file that defines its own SimpleNamespace: not Python's.
    NAMESPACE_FLAGS.replace("import types\n", "class types:\n    SimpleNamespace = dict\n"),
    # The builder hands the whole config to a function that may change it.
    DICT_PART_PASSED_ON.replace(
        'net = tf.keras.layers.Dense(config["label_count"])(inputs)',
        'net = tf.keras.layers.Dense(config["label_count"])(inputs)\n    tweak(config)',
    ),
]


@pytest.mark.parametrize("program", SILENT)
def test_flags_that_are_off_or_not_certain_stay_silent(program: str) -> None:
    assert codes(program) == []
