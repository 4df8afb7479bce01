"""Targets given to ``fit`` by a generator function of the file (its one
``yield``) or by a ``keras.utils.Sequence`` subclass (its ``__getitem__``):
read as the rows each batch holds (model/targets.py)."""

from __future__ import annotations

import pytest

from keraslint.checker import lint_text

HEAD = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras.utils import to_categorical

model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
"""


def codes(code: str) -> list[str]:
    result = lint_text("m.py", code)
    assert not result.internal_errors
    return [d.code for d in result.diagnostics]


GENERATORS = {
    "a while loop of batches": (
        "def batches(x, y, size=32):\n    while True:\n        idx = np.random.randint(0, len(x), size)\n"
        "        yield x[idx], to_categorical(y[idx], 10)\n\nmodel.fit(batches(x_train, y_train), steps_per_epoch=10)\n"
    ),
    "labels converted before the loop": (
        "def batches(x, y):\n    y = to_categorical(y, 10)\n    for start in range(0, len(x), 32):\n"
        "        yield x[start:start + 32], y[start:start + 32]\n\nmodel.fit(batches(x_train, y_train))\n"
    ),
    "the generator's argument one-hot": (
        "def batches(x, y):\n    while True:\n        yield x, y\n\n"
        "model.fit(batches(x_train, to_categorical(y_train, 10)), steps_per_epoch=5)\n"
    ),
    "fit_generator": (
        "def batches(x, y):\n    while True:\n        yield x, to_categorical(y, 10)\n\n"
        "model.fit_generator(batches(x_train, y_train), steps_per_epoch=5)\n"
    ),
}


@pytest.mark.parametrize("case", list(GENERATORS))
def test_one_hot_batches_of_a_generator_function(case: str) -> None:
    assert codes(HEAD + GENERATORS[case]) == ["KL201"]


GENERATORS_UNKNOWN = {
    "two yields": (
        "def batches(x, y, onehot):\n    if onehot:\n        yield x, to_categorical(y, 10)\n    else:\n        yield x, y\n\n"
        "model.fit(batches(x_train, y_train, False))\n"
    ),
    "integer labels": "def batches(x, y):\n    while True:\n        yield x, y\n\nmodel.fit(batches(x_train, y_train))\n",
    "a yield from": "def batches(x, y):\n    yield from zip(x, to_categorical(y, 10))\n\nmodel.fit(batches(x_train, y_train))\n",
    "a plain function named like one": (
        "def batches(x, y):\n    return x, y\n\nmodel.fit(batches(x_train, y_train))\n"
    ),
    "defined twice": (
        "def batches(x, y):\n    while True:\n        yield x, to_categorical(y, 10)\n\n"
        "def batches(x, y):\n    while True:\n        yield x, y\n\nmodel.fit(batches(x_train, y_train))\n"
    ),
}


@pytest.mark.parametrize("case", list(GENERATORS_UNKNOWN))
def test_generator_batches_that_are_not_certainly_one_hot_are_silent(case: str) -> None:
    assert codes(HEAD + GENERATORS_UNKNOWN[case]) == []


def test_a_generator_s_return_value_is_not_what_a_call_gives() -> None:
    # The call gives a generator; ``return`` only ends it.
    code = HEAD + (
        "def batches(x, y):\n    for i in range(3):\n        yield x, y\n    return x, to_categorical(y, 10)\n\n"
        "model.fit(batches(x_train, y_train))\n"
    )
    assert codes(code) == []


SEQUENCE = (
    HEAD
    + """\

class Batches({base}):
    def __init__(self, x, y, size=32):
        super().__init__()
        self.x, self.y, self.size = x, y, size

    def __len__(self):
        return len(self.x) // self.size

    def __getitem__(self, i):
        rows = slice(i * self.size, (i + 1) * self.size)
        return {item}


model.fit(Batches(x_train, y_train), epochs=3)
"""
)


@pytest.mark.parametrize("base", ["keras.utils.Sequence", "keras.utils.PyDataset"])
def test_one_hot_batches_of_a_sequence(base: str) -> None:
    code = SEQUENCE.format(base=base, item="self.x[rows], to_categorical(self.y[rows], num_classes=10)")
    assert codes(code) == ["KL201"]


@pytest.mark.parametrize(
    ("base", "item"),
    [
        ("keras.utils.Sequence", "self.x[rows], self.y[rows]"),  # whatever the caller gave
        ("object", "self.x[rows], to_categorical(self.y[rows], num_classes=10)"),  # not a Keras dataset
        ("keras.utils.Sequence", "(self.x[rows], to_categorical(self.y[rows], 10)) if i else (self.x, self.y)"),
    ],
)
def test_sequence_batches_not_certainly_one_hot_are_silent(base: str, item: str) -> None:
    assert codes(SEQUENCE.format(base=base, item=item)) == []
