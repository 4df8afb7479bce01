"""Configuration objects read with dots, and builder branches decided by a
flag's truth.

``flags = SimpleNamespace(**CONFIG)`` then ``Dense(flags.units)``: the engine
knows each attribute from the keys (``knowledge/namespaces.py``), also in a
builder the namespace is passed to, whose ``if flags.return_softmax:`` is
decided by Python's truth of the value (``1`` runs the branch).
"""

from __future__ import annotations

import argparse
import types

import pytest

from keraslint.checker import lint_text
from keraslint.knowledge import namespaces


def codes(code: str) -> list[str]:
    result = lint_text("m.py", code)
    assert not result.internal_errors
    return [d.code for d in result.diagnostics]


HEAD = """\
import argparse
import types
from types import SimpleNamespace as NS

import tensorflow as tf
from tensorflow.keras import layers

CONFIG = {"units": 1, "act": "softmax", "label_count": 12, "return_softmax": 1}
"""

SOFTMAX_ONE_UNIT = """
model = tf.keras.Sequential([layers.Dense(8), layers.Dense(flags.units, activation=flags.act)])
model.compile(optimizer="adam", loss="binary_crossentropy")
"""

FOUND = {
    "SimpleNamespace of a dict": ("flags = types.SimpleNamespace(**CONFIG)\n" + SOFTMAX_ONE_UNIT, "KL101"),
    "an alias of SimpleNamespace": ("flags = NS(**CONFIG)\n" + SOFTMAX_ONE_UNIT, "KL101"),
    "keywords": ('flags = types.SimpleNamespace(units=1, act="softmax")\n' + SOFTMAX_ONE_UNIT, "KL101"),
    "argparse.Namespace": ('flags = argparse.Namespace(units=1, act="softmax")\n' + SOFTMAX_ONE_UNIT, "KL101"),
    "dict and keywords": (
        'flags = types.SimpleNamespace(**{"units": 1}, act="softmax")\n' + SOFTMAX_ONE_UNIT,
        "KL101",
    ),
}


@pytest.mark.parametrize("body, code", FOUND.values(), ids=list(FOUND))
def test_namespace_attributes_are_known(body: str, code: str) -> None:
    assert codes(HEAD + body) == [code]


SILENT = {
    "changed after it is made": 'flags = types.SimpleNamespace(**CONFIG)\nflags.act = "sigmoid"\n' + SOFTMAX_ONE_UNIT,
    "given to an unknown function": "flags = types.SimpleNamespace(**CONFIG)\nupdate(flags)\n" + SOFTMAX_ONE_UNIT,
    "a dict the engine does not know": "flags = types.SimpleNamespace(**load())\n" + SOFTMAX_ONE_UNIT,
    "a key given twice (a TypeError)": (
        "flags = types.SimpleNamespace(**CONFIG, units=2)\n" + SOFTMAX_ONE_UNIT.replace("binary", "sparse_categorical")
    ),
    "a user class of the same name": (
        "class SimpleNamespace:\n    def __init__(self, **kw):\n        self.units = 4\n"
        "flags = SimpleNamespace(**CONFIG)\n" + SOFTMAX_ONE_UNIT
    ),
}


@pytest.mark.parametrize("body", SILENT.values(), ids=list(SILENT))
def test_namespaces_not_certain_stay_silent(body: str) -> None:
    assert codes(HEAD + body) == []


BUILDER = """
def build(flags):
    inputs = tf.keras.Input(shape=(40,))
    net = layers.Dense(FLAG_UNITS)(inputs)
    if FLAG_SOFTMAX:
        net = layers.Activation("softmax")(net)
    return tf.keras.Model(inputs, net)
"""

LOGITS_LOSS = "model.compile(optimizer='adam', loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"


@pytest.mark.parametrize(
    "made, units, softmax",
    [
        ("flags = types.SimpleNamespace(**CONFIG)", "flags.label_count", "flags.return_softmax"),
        ("flags = CONFIG", 'flags["label_count"]', 'flags["return_softmax"]'),
    ],
    ids=["namespace", "dict"],
)
@pytest.mark.parametrize("flag, found", [("1", ["KL105"]), ("True", ["KL105"]), ("0", []), ("None", [])])
def test_builder_branch_decided_by_the_flags_truth(
    made: str, units: str, softmax: str, flag: str, found: list[str]
) -> None:
    head = HEAD.replace('"return_softmax": 1', f'"return_softmax": {flag}')
    builder = BUILDER.replace("FLAG_UNITS", units).replace("FLAG_SOFTMAX", softmax)
    if made == "flags = CONFIG":
        # The dict given straight to the builder (an alias would be unknown).
        code = head + builder + "model = build(CONFIG)\n" + LOGITS_LOSS
    else:
        code = head + builder + made + "\nmodel = build(flags)\n" + LOGITS_LOSS
    assert codes(code) == found


def test_a_namespace_with_an_unknown_flag_keeps_both_sides() -> None:
    builder = BUILDER.replace("FLAG_UNITS", "flags.label_count").replace("FLAG_SOFTMAX", "flags.return_softmax")
    code = HEAD + builder + "flags = types.SimpleNamespace(**CONFIG)\nflags.return_softmax = read()\n"
    assert codes(code + "model = build(flags)\n" + LOGITS_LOSS) == []


def test_namespace_constructors_make_one_attribute_per_key() -> None:
    """What ``knowledge/namespaces.py`` says of the standard library, checked
    against it: keywords and ``**dict`` become attributes, nested dicts stay
    dicts."""
    config = {"units": 1, "inner": {"a": 2}}
    for made in (types.SimpleNamespace(**config), argparse.Namespace(**config)):
        assert made.units == 1
        assert isinstance(made.inner, dict)
    for path in ("types.SimpleNamespace", "argparse.Namespace"):
        assert namespaces.NAMESPACES[path].nested is False
    assert namespaces.NAMESPACES["argparse.Namespace"].positional is False
    with pytest.raises(TypeError):
        argparse.Namespace(config)  # type: ignore[call-arg]
