"""Shapes of real code the engine sees through (issue 11), each with its
correct twins that must stay silent: unknown head widths, logits heads,
loop bodies, generators and tokenizer ids."""

from __future__ import annotations

import textwrap

import pytest

from keraslint.config import Settings
from keraslint.runner import check_bytes


def codes(program: str) -> list[tuple[str, int]]:
    result = check_bytes("model.py", textwrap.dedent(program).encode(), Settings())
    assert not result.internal_errors
    return sorted((d.code, d.span.start.line) for d in result.diagnostics if d.code[:3] in ("KL1", "KL2"))


GENERATOR = """\
from keras.preprocessing.image import ImageDataGenerator
from keras import layers, models
train = ImageDataGenerator(rescale=1 / 255).flow_from_directory("data/train", class_mode="categorical")
model = models.Sequential()
model.add(layers.Flatten())
model.add({head})
model.compile(optimizer="adam", loss={loss!r})
model.fit(train)
"""


def test_sigmoid_of_unknown_width_with_categorical_loss() -> None:
    program = GENERATOR.format(
        head='layers.Dense(train.num_classes, activation="sigmoid")', loss="categorical_crossentropy"
    )
    assert codes(program) == [("KL107", 6)]


@pytest.mark.parametrize(
    ("head", "loss"),
    [
        ('layers.Dense(train.num_classes, activation="softmax")', "categorical_crossentropy"),
        ('layers.Dense(train.num_classes, activation="sigmoid")', "binary_crossentropy"),
        # The width after a reshape is not the sigmoid layer's: not read.
        (
            'layers.Dense(train.num_classes, activation="sigmoid")); model.add(layers.Flatten()',
            "categorical_crossentropy",
        ),
    ],
)
def test_unknown_width_twins_are_silent(head: str, loss: str) -> None:
    assert codes(GENERATOR.format(head=head, loss=loss)) == []


REGRESSION = """\
import keras
from sklearn.datasets import make_regression
x, y = make_regression(1000, n_features=8{extra})
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss={loss!r})
model.fit(x, y)
"""


def test_targets_generated_around_zero_with_a_log_loss() -> None:
    assert codes(REGRESSION.format(extra="", loss="poisson")) == [("KL110", 5)]
    assert codes(REGRESSION.format(extra=", bias=0.0", loss="msle")) == [("KL110", 5)]


@pytest.mark.parametrize(
    ("extra", "loss"),
    [
        ("", "mse"),
        # Shifted away from zero, or an argument that may shift them.
        (", bias=500.0", "poisson"),
        (", bias=BIAS", "poisson"),
        (", 8, 1, 500.0", "poisson"),
    ],
)
def test_shifted_or_other_loss_twins_are_silent(extra: str, loss: str) -> None:
    assert codes(REGRESSION.format(extra=extra, loss=loss)) == []
