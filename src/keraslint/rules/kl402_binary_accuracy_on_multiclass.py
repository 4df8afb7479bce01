from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic, Replacement
from keraslint.knowledge.losses import MULTICLASS_LOSSES, SPARSE_CATEGORICAL_CROSSENTROPY
from keraslint.model.types import FileModel
from keraslint.rules._suggest import replace_literal
from keraslint.rules.base import Invalid, Rule, trace_of, trained_pairs

# ``metrics=["binary_accuracy"]`` is that metric whatever the loss and the
# shapes: only "accuracy"/"acc" are resolved from them
# (keras/src/trainers/compile_utils.py ``get_metric``; keras/src/metrics/
# __init__.py ``ALL_OBJECTS_DICT`` maps the name to ``binary_accuracy``).
_BINARY_ACCURACY = "binary_accuracy"


class BinaryAccuracyOnMulticlass(Rule):
    """
    ## What it does
    Checks for `metrics=["binary_accuracy"]` on a model whose output has
    three or more units and is trained with a single-label multi-class loss
    (`categorical_crossentropy`, `sparse_categorical_crossentropy`,
    `categorical_focal_crossentropy`).

    ## Why is this bad?
    `binary_accuracy` thresholds each output unit at 0.5 and compares it
    with the target column by column. With one true class among ten, a
    model that predicts nothing useful still matches nine columns in ten:
    it reports 90 % from the first epoch, and a model that is always wrong
    reports 80 %. The number hides whether the model learns at all.

    ## Example
    ```python
    model.add(layers.Dense(10, activation="softmax"))
    model.compile(loss="categorical_crossentropy", metrics=["binary_accuracy"])
    ```

    Use instead:
    ```python
    model.add(layers.Dense(10, activation="softmax"))
    model.compile(loss="categorical_crossentropy", metrics=["accuracy"])
    ```

    ## Fix safety
    Safe: `"accuracy"` makes Keras pick the categorical accuracy that
    matches the targets (one-hot or integer), which is what one label per
    sample means.

    ## References
    - keras/src/metrics/accuracy_metrics.py (`binary_accuracy`,
      `categorical_accuracy`)
    - keras/src/trainers/compile_utils.py (`get_metric`)
    """

    CODE = "KL402"
    NAME = "binary-accuracy-on-multiclass"
    SUMMARY = "binary_accuracy on a single-label multi-class output"
    FIX = "safe"
    VALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(5, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["binary_accuracy"])
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["binary_accuracy"])
""",
    )
    INVALID = (
        Invalid(
            """\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["binary_accuracy"])  # expect: KL402
""",
            fixed="""\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])  # expect: KL402
""",
        ),
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            if len(model.outputs) != 1:
                continue
            for output, compile_, loss in trained_pairs(model):
                if loss.name not in MULTICLASS_LOSSES or output.units is None or output.units < 3:
                    continue
                for metric in compile_.metrics:
                    if metric.value != _BINARY_ACCURACY:
                        continue
                    if loss.name == SPARSE_CATEGORICAL_CROSSENTROPY:
                        why = "it compares the integer label with each unit's 0/1 threshold, a number with no meaning"
                    else:
                        why = (
                            "it scores each unit against its one-hot column separately, so a model that is "
                            f"always wrong still reports {1 - 2 / output.units:.0%}"
                        )
                    fixed = replace_literal(metric.literal, metric.value, "accuracy")
                    yield self.diagnostic(
                        metric.span,
                        f"`binary_accuracy` on a {output.units}-unit output trained with `{loss.name}` "
                        f"(one class per sample): {why}",
                        'use `"accuracy"` (Keras then picks the categorical accuracy)',
                        Replacement(metric.span, fixed) if fixed else None,
                        related=((output.span, f"the {output.units}-unit output"),),
                        trace=trace_of(output, loss),
                    )
