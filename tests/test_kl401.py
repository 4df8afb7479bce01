"""KL401 beyond its documented examples: which targets make a regression
certain, how the metrics may be written, and the correct twins."""

from __future__ import annotations

import pytest

from keraslint.checker import lint_text
from keraslint.rules import RULES_BY_CODE

RULE = (RULES_BY_CODE["KL401"],)

BOSTON = """\
import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.boston_housing.load_data()
model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense({units})])
"""


def _lines(code: str) -> list[int]:
    return [d.span.start.line for d in lint_text("t.py", code, RULE).diagnostics]


@pytest.mark.parametrize(
    "compile_and_fit",
    [
        'model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])\nmodel.fit(x_train, y_train)\n',
        'model.compile(optimizer="adam", loss="mae", metrics=["Accuracy", "mse"])\nmodel.fit(x_train, y_train)\n',
        'METRICS = ["acc"]\nmodel.compile(optimizer="adam", loss="huber", metrics=METRICS)\nmodel.fit(x_train, y_train)\n',
        'CFG = {"loss": "log_cosh", "metric": "accuracy"}\n'
        'model.compile(optimizer="adam", loss=CFG["loss"], metrics=[CFG["metric"]])\n'
        "model.fit(x_train, y_train, validation_data=(x_test, y_test))\n",
        'model.compile("adam", keras.losses.MeanSquaredError(), metrics=("accuracy",))\nmodel.fit(x_train, y_train)\n',
    ],
)
def test_accuracy_on_raw_regression_targets(compile_and_fit: str) -> None:
    code = BOSTON.format(units=1) + compile_and_fit
    assert len(_lines(code)) == 1


def test_the_message_names_what_keras_resolves_by_width() -> None:
    fit = 'model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])\nmodel.fit(x_train, y_train)\n'
    (one,) = lint_text("t.py", BOSTON.format(units=1) + fit, RULE).diagnostics
    assert "`binary_accuracy`" in one.message and one.fix is not None and not one.fix.safe
    assert one.fix.text == '"mae"'


@pytest.mark.parametrize(
    "code",
    [
        # A metric that fits a regression.
        BOSTON.format(units=1)
        + 'model.compile(optimizer="adam", loss="mse", metrics=["mae"])\nmodel.fit(x_train, y_train)\n',
        # A classification loss: accuracy is right there.
        BOSTON.format(units=1) + 'model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])\n'
        "model.fit(x_train, y_train > 22)\n",
        # Targets of unknown kind: 0/1 labels regressed with mse are common
        # and accuracy then means something.
        """\
import keras
import numpy as np
x, y = np.load("x.npy"), np.load("y.npy")
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
model.fit(x, y)
""",
        # One of the fits trains on labels of unknown kind.
        BOSTON.format(units=1) + 'model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])\n'
        "model.fit(x_train, y_train)\nmodel.fit(x_train, labels)\n",
        # Classification data with mse: accuracy means something.
        """\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
y = keras.utils.to_categorical(y)
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
model.fit(x, y)
""",
    ],
)
def test_correct_twins_stay_silent(code: str) -> None:
    assert _lines(code) == []


KL402 = (RULES_BY_CODE["KL402"],)


@pytest.mark.parametrize(
    ("head", "loss", "metrics", "found"),
    [
        ("Dense(NUM_CLASSES, activation='softmax')", "categorical_crossentropy", '["binary_accuracy"]', 1),
        ("Dense(10)", "keras.losses.SparseCategoricalCrossentropy(from_logits=True)", "METRICS", 1),
        (
            "Dense(10, activation='softmax')",
            "categorical_crossentropy",
            '["accuracy", "top_k_categorical_accuracy"]',
            0,
        ),
        ("Dense(10, activation='sigmoid')", "binary_crossentropy", '["binary_accuracy"]', 0),  # multi-label
        ("Dense(2, activation='softmax')", "categorical_crossentropy", '["binary_accuracy"]', 0),  # same number
        ("Dense(n_out, activation='softmax')", "categorical_crossentropy", '["binary_accuracy"]', 0),  # unknown
    ],
)
def test_kl402_shapes_and_twins(head: str, loss: str, metrics: str, found: int) -> None:
    code = f"""\
import keras
import sys
NUM_CLASSES = 10
METRICS = ["binary_accuracy"]
n_out = int(sys.argv[1])
model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.{head}])
model.compile(optimizer="adam", loss={loss if loss.startswith("keras") else repr(loss)}, metrics={metrics})
"""
    assert len(lint_text("t.py", code, KL402).diagnostics) == found


LITERAL = """\
import numpy as np
import tensorflow as tf
import keras
x = np.array([[1.0], [2.0], [3.0], [4.0]])
y = {targets}
model = keras.Sequential([keras.layers.Input((1,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
model.fit(x, y)
"""


@pytest.mark.parametrize(
    "targets",
    [
        "np.array([0.5, 1.7, 2.2, 3.9])",
        "[0.5, 1.7, 2.2, 3.9]",
        "np.array([[0.5], [1.7], [2.2], [3.9]])",
        "np.array([1.0, 2.5, 3.0, 4.0], dtype=np.float32)",
        "np.array([1, 2, 3, 4.5]).astype('float32')",
        "tf.constant([0.2, 0.3, 0.4, 0.6])",
        "np.array([[0.5, 2.0], [1.7, 3.0], [2.2, 1.0], [3.9, 0.0]])",
    ],
)
def test_accuracy_on_real_numbers_written_out(targets: str) -> None:
    assert _lines(LITERAL.format(targets=targets)) == [7]


@pytest.mark.parametrize(
    "targets",
    [
        # Whole numbers: class labels or counts, not certainly a regression.
        "np.array([0.0, 1.0, 2.0, 3.0])",
        "np.array([0, 1, 2, 3])",
        # Soft labels next to hard 0s and 1s.
        "np.array([0.0, 0.9, 1.0, 0.1])",
        # Truncated to integers.
        "np.array([0.5, 1.7, 2.2, 3.9], dtype=int)",
        "np.array([0.5, 1.7, 2.2, 3.9]).astype(np.int32)",
        "tf.cast([0.5, 1.7, 2.2, 3.9], tf.int64)",
        # Not only numbers.
        "np.array([0.5, 1.7, None, 3.9])",
        "np.array([0.5, float('nan'), 2.2, 3.9])",
    ],
)
def test_numbers_written_out_that_may_be_labels_are_silent(targets: str) -> None:
    assert _lines(LITERAL.format(targets=targets)) == []


def test_real_numbers_with_a_regression_metric_are_silent() -> None:
    code = LITERAL.format(targets="np.array([0.5, 1.7, 2.2, 3.9])").replace('["accuracy"]', '["mae"]')
    assert _lines(code) == []
