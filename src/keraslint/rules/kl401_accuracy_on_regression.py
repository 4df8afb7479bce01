from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic, Replacement
from keraslint.knowledge.datasets import SKLEARN_UNBOUNDED_REGRESSION, UNBOUNDED_REGRESSION
from keraslint.knowledge.losses import REGRESSION_LOSSES
from keraslint.model.types import Compile, FileModel, Target
from keraslint.rules._suggest import replace_literal
from keraslint.rules.base import Invalid, Rule, trace_of

# The metric names ``compile`` resolves from the shapes of the output and
# the targets, in any case: keras/src/trainers/compile_utils.py
# ``get_metric`` in Keras 3, keras-team/keras v2.15.0
# keras/engine/compile_utils.py ``_get_metric_object`` in Keras 2 (the same
# choice: ``binary_accuracy`` when the output's last axis is 1).
_ACCURACY_NAMES = frozenset({"accuracy", "acc"})
_REGRESSION_DATASETS = UNBOUNDED_REGRESSION | SKLEARN_UNBOUNDED_REGRESSION


def _real_valued(target: Target) -> bool:
    """Targets known to be real numbers, not class labels: a regression
    dataset's raw targets, targets standardised (StandardScaler, a
    zero-centred generator such as ``make_regression``), or numbers written
    out one of which is not whole (``[0.5, 1.7, 2.2]``)."""
    return target.dataset in _REGRESSION_DATASETS or target.standardised or target.fractional


class AccuracyOnRegression(Rule):
    """
    ## What it does
    Checks for `metrics=["accuracy"]` (or `"acc"`) on a model trained with
    a regression loss (`mse`, `mae`, `huber`, `log_cosh`, `msle`, `mape`)
    on targets known to be real numbers: the raw targets of a regression
    dataset (`boston_housing`, `california_housing`, `load_diabetes`,
    `fetch_california_housing`), targets standardised with
    `StandardScaler`, or numbers written out one of which is not whole
    (`np.array([0.5, 1.7, 2.2])`; not soft labels between exact 0s and 1s).

    ## Why is this bad?
    Keras picks the accuracy from the shapes, not from the loss: on one
    output it is `binary_accuracy`, which counts predictions where
    `y_pred > 0.5` equals the target. A real-valued target is never exactly
    0 or 1, so the accuracy reads 0.0 at every epoch while the model learns,
    and the run looks broken. On several outputs it is
    `categorical_accuracy`, which only compares where the largest value
    sits. Neither says how close the predictions are.

    ## Example
    ```python
    (x_train, y_train), _ = keras.datasets.boston_housing.load_data()
    model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
    model.fit(x_train, y_train)
    ```

    Use instead:
    ```python
    (x_train, y_train), _ = keras.datasets.boston_housing.load_data()
    model.compile(optimizer="adam", loss="mse", metrics=["mae"])
    model.fit(x_train, y_train)
    ```

    ## Fix safety
    Unsafe: replaces `"accuracy"` with `"mae"` (the mean absolute error,
    in the targets' own units); any regression metric would do.

    ## References
    - keras/src/trainers/compile_utils.py (`get_metric`,
      `is_binary_or_sparse_categorical`)
    - keras/src/metrics/accuracy_metrics.py (`binary_accuracy`)
    """

    CODE = "KL401"
    NAME = "accuracy-on-regression"
    SUMMARY = "accuracy metric on a regression"
    FIX = "unsafe"
    VALID = (
        """\
import keras
(x_train, y_train), _ = keras.datasets.boston_housing.load_data()
model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(x_train, y_train)
""",
        """\
import keras
import numpy as np
x = np.load("x.npy")
y = np.load("labels.npy")
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
model.fit(x, y)
""",
        """\
import keras
(x_train, y_train), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train)
""",
    )
    INVALID = (
        Invalid(
            """\
import keras
(x_train, y_train), _ = keras.datasets.boston_housing.load_data()
model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: KL401
model.fit(x_train, y_train, epochs=100)
""",
            fixed="""\
import keras
(x_train, y_train), _ = keras.datasets.boston_housing.load_data()
model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])  # expect: KL401
model.fit(x_train, y_train, epochs=100)
""",
            unsafe=True,
        ),
        """\
from sklearn.datasets import fetch_california_housing
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
data = fetch_california_housing()
y = StandardScaler().fit_transform(data.target.reshape(-1, 1))
model = keras.Sequential([keras.layers.Dense(30, activation="relu"), keras.layers.Dense(1)])
model.compile(loss="huber", optimizer="sgd", metrics=["acc"])  # expect: KL401
model.fit(data.data, y)
""",
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            if len(model.outputs) != 1:
                continue
            output = model.outputs[0]
            units = output.units if output is not None else None
            for compile_ in model.compiles:
                yield from self._check_compile(compile_, units)

    def _check_compile(self, compile_: Compile, units: int | None) -> Iterator[Diagnostic]:
        loss = compile_.losses[0] if compile_.losses else None
        if loss is None or loss.name not in REGRESSION_LOSSES:
            return
        targets = compile_.fit_targets
        if not targets or not all(_real_valued(t) for t in targets):
            return
        target = targets[0]
        for metric in compile_.metrics:
            if metric.value.lower() not in _ACCURACY_NAMES:
                continue
            fixed = replace_literal(metric.literal, metric.value, "mae")
            where = target.producer_span or target.span
            if target.dataset:
                what = f"the raw `{target.dataset}` targets"
            elif target.standardised:
                what = "standardised targets"
            else:
                what = "targets written out as real numbers"
            if units == 1:
                why = (
                    "Keras makes it `binary_accuracy`, which counts `y_pred > 0.5` equal to the target: "
                    "a real-valued target almost never is, so it stays near 0 however well the model fits"
                )
            elif units is not None:
                why = (
                    "Keras makes it `categorical_accuracy`, which only checks where the largest value sits, "
                    "not how close the predictions are"
                )
            else:
                why = (
                    "Keras picks a classification accuracy from the shapes (`binary_accuracy` on one "
                    "output, `categorical_accuracy` on several), which says nothing about a regression's error"
                )
            yield self.diagnostic(
                metric.span,
                f"`{metric.value}` on a regression (`{loss.name}` on {what}): {why}",
                "drop it and watch the loss, or use a regression metric such as `mae`",
                Replacement(metric.span, fixed, safe=False) if fixed else None,
                related=((where, what), (loss.span, f"the regression loss `{loss.name}`")),
                trace=trace_of(loss, target),
            )
