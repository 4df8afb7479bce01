"""One model, several findings: their hints must point the same way.

Before, a 1-unit softmax with categorical crossentropy on MNIST's ten
integer labels was told "use sigmoid" (KL101), "use binary_crossentropy"
(KL103) and "use sparse_categorical_crossentropy" (KL202) at once; the
first two would have made a binary classifier of a 10-class problem.
"""

from __future__ import annotations

import pytest

from keraslint.checker import lint_text

HEAD = """\
import keras
(x, y), _ = keras.datasets.{dataset}.load_data({args})
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense({units}, activation="{activation}")])
model.compile(optimizer="adam", loss="{loss}")
model.fit(x, y)
"""


def _hints(**values: str) -> dict[str, str]:
    code = HEAD.format(**values)
    return {d.code: d.hint or "" for d in lint_text("t.py", code).diagnostics}


def test_ten_integer_classes_on_one_softmax_unit() -> None:
    hints = _hints(dataset="mnist", args="", units="1", activation="softmax", loss="categorical_crossentropy")
    assert hints["KL204"] == "give the output layer 10 units"
    assert hints["KL101"] == "the targets have 10 classes: give the output 10 units"
    assert hints["KL103"] == "the targets have 10 classes: give the output 10 units with `softmax`"
    # The second mistake stands after the first is fixed: integer labels.
    assert hints["KL202"].startswith("use `sparse_categorical_crossentropy`")
    assert not any("sigmoid" in hint or "binary_crossentropy" in hint for hint in hints.values())


def test_binary_integer_labels_on_one_sigmoid_unit_with_a_categorical_loss() -> None:
    hints = _hints(
        dataset="imdb", args="num_words=100", units="1", activation="sigmoid", loss="categorical_crossentropy"
    )
    binary = "for a binary problem use `binary_crossentropy` with a 1-unit `sigmoid` output"
    # KL202 no longer says "use the sparse loss", which on one unit is KL103 again.
    assert hints == {"KL103": binary, "KL202": binary}


@pytest.mark.parametrize("loss", ["sparse_categorical_crossentropy", "categorical_crossentropy"])
def test_one_softmax_unit_with_a_multiclass_loss_is_not_told_sigmoid_alone(loss: str) -> None:
    hints = _hints(dataset="imdb", args="num_words=100", units="1", activation="softmax", loss=loss)
    assert hints["KL101"] == (
        "use a 1-unit `sigmoid` output with `binary_crossentropy`, or one unit per class with `softmax`"
    )
    assert hints["KL204"] == "give the output layer 2 units"
