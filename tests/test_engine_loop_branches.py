"""Layers added in an ``if``/``else`` inside a loop.

``for size in (512, 256): if first: model.add(Dense(size, input_shape=...))
else: model.add(Dense(size))``: the last iteration runs one side or the
other, and both add the same layer, so the model's last layer is known.
"""

from __future__ import annotations

import pytest

from keraslint.checker import lint_text

PROGRAM = """\
import keras
from keras.layers import Activation, Dense, Dropout
from keras.models import Sequential

num_classes = 10
(x_train, y_train), _ = keras.datasets.mnist.load_data()
y_train = keras.utils.to_categorical(y_train, num_classes)


def build_model(layer_sizes=(512, 256)):
    model = Sequential()
    first = True
    for size in layer_sizes:
        if first:
            model.add({first})
            first = False
        else:
            model.add({other})
        model.add(Dropout(0.2))
    model.add(Activation("softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    return model


model = build_model()
model.fit(x_train, y_train)
"""


def codes(code: str) -> list[tuple[str, int]]:
    result = lint_text("m.py", code)
    assert not result.internal_errors
    return [(d.code, d.span.start.line) for d in result.diagnostics]


def test_both_sides_add_the_same_layer() -> None:
    code = PROGRAM.format(first="Dense(size, input_shape=(784,))", other="Dense(size)")
    assert codes(code) == [("KL204", 15)]


def test_both_sides_add_the_same_layer_with_an_activation() -> None:
    code = PROGRAM.format(
        first="Dense(size, activation='softmax', input_shape=(784,))", other="Dense(size, activation='softmax')"
    ).replace('    model.add(Activation("softmax"))\n', "")
    assert codes(code) == [("KL204", 15)]


@pytest.mark.parametrize(
    ("first", "other"),
    [
        # The sides disagree: the width depends on which side runs last.
        ("Dense(size, input_shape=(784,))", "Dense(10)"),
        ("Dense(size, activation='relu')", "Dense(size, activation='tanh')"),
        # A side adds two layers, or none.
        ("Dense(size, input_shape=(784,))", "Dense(size)); model.add(Dense(10)"),
        ("Dense(size, input_shape=(784,))", "Dropout(0.1)"),
        # The correct model: the last width is the class count on both sides.
        ("Dense(10, input_shape=(784,))", "Dense(10)"),
    ],
)
def test_sides_that_differ_or_fit_stay_silent(first: str, other: str) -> None:
    code = PROGRAM.format(first=first, other=other)
    assert [c for c in codes(code) if c[0] == "KL204"] == []


def test_a_side_that_adds_nothing_stays_silent() -> None:
    code = PROGRAM.format(first="Dense(size, input_shape=(784,))", other="Dense(size)").replace(
        "        else:\n            model.add(Dense(size))\n", "        else:\n            pass\n"
    )
    assert [c for c in codes(code) if c[0] == "KL204"] == []


def test_an_if_without_else_stays_silent() -> None:
    code = PROGRAM.format(first="Dense(size, input_shape=(784,))", other="Dense(size)").replace(
        "        else:\n            model.add(Dense(size))\n", ""
    )
    assert [c for c in codes(code) if c[0] == "KL204"] == []
