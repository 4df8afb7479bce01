"""A model made in the argument of the helper that compiles and trains it.

``train(build(flags), x, y)`` is read as ``model = build(flags)`` followed by
``train(model, x, y)``: the helper's ``compile`` and ``fit`` apply to the
object the inner call returns.
"""

from __future__ import annotations

import pytest

from keraslint.checker import lint_text

HEAD = """\
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers


def build(units, activation="softmax"):
    inputs = tf.keras.Input(shape=(16,))
    hidden = layers.Dense(32, activation="relu")(inputs)
    return tf.keras.Model(inputs, layers.Dense(units, activation=activation)(hidden))


def train(model, x, y, loss):
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    return model.fit(x, y, epochs=3)


x = np.random.rand(100, 16)
y = np.random.randint(0, 4, size=(100,))
"""

LOGITS = "tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)"


def findings(code: str) -> list[tuple[str, int]]:
    result = lint_text("m.py", code)
    assert not result.internal_errors
    return [(d.code, d.span.start.line) for d in result.diagnostics]


FOUND = {
    "positional": f"train(build(4), x, y, {LOGITS})\n",
    "keyword": f"train(y=y, x=x, loss={LOGITS}, model=build(4))\n",
    "result kept": f"history = train(build(4), x, y, {LOGITS})\n",
    "in main": f"def main():\n    train(build(4), x, y, {LOGITS})\n\n\nmain()\n",
}


@pytest.mark.parametrize("call", FOUND.values(), ids=list(FOUND))
def test_the_helper_compiles_the_model_made_in_its_argument(call: str) -> None:
    code = HEAD + call
    # Reported where the loss object is written: in the call of ``train``.
    loss_line = next(n for n, line in enumerate(code.splitlines(), 1) if "from_logits=True" in line)
    assert findings(code) == [("KL105", loss_line)]


SILENT = {
    "logits head": f"train(build(4, activation=None), x, y, {LOGITS})\n",
    "probabilities loss": 'train(build(4), x, y, "sparse_categorical_crossentropy")\n',
    "made in a lambda": f"run = lambda: train(build(4), x, y, {LOGITS})\n",
    "the helper never compiles": "def show(model, x):\n    model.summary()\n\n\nshow(build(4), x)\n",
}


@pytest.mark.parametrize("call", SILENT.values(), ids=list(SILENT))
def test_correct_or_uncertain_helpers_stay_silent(call: str) -> None:
    assert findings(HEAD + call) == []


def test_a_model_passed_by_name_and_one_made_inline_are_one_finding_each() -> None:
    code = HEAD + f"model = build(4)\ntrain(model, x, y, {LOGITS})\ntrain(build(4), x, y, {LOGITS})\n"
    last = code.count("\n")
    assert findings(code) == [("KL105", last - 1), ("KL105", last)]


SUMMARY = """\
import tensorflow as tf
from tensorflow.keras.layers import Conv2D, Input


def summary(model):
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return [layer.__class__.__name__ for layer in model.layers]


inputs = Input((96, 128, 3))
model = tf.keras.Model(inputs, Conv2D(32, 3, activation="relu", padding="same")(inputs))
print(summary(model))
"""


def test_a_helper_that_compiles_a_model_nothing_trains_is_not_its_training() -> None:
    # Compiled by a helper only to list its layers (a course's test utility):
    # the loss never trains anything.
    assert findings(SUMMARY) == []


@pytest.mark.parametrize("training", ["model.fit(x, y)\n", "model.train_on_batch(x, y)\n"])
def test_the_helpers_compile_counts_once_the_model_is_trained(training: str) -> None:
    code = SUMMARY + "x, y = load()\n" + training
    assert findings(code) == [("KL106", 6)]
