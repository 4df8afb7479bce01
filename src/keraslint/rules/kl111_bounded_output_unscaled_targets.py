from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic
from keraslint.knowledge.activations import BOUNDED_ACTIVATIONS, NON_NEGATIVE_ACTIVATIONS
from keraslint.knowledge.losses import REGRESSION_LOSSES
from keraslint.model.types import FileModel
from keraslint.rules._suggest import literal_fix
from keraslint.rules.base import Invalid, Rule, targets_of, trace_of, trained_pairs


class BoundedOutputForUnscaledTargets(Rule):
    """
    ## What it does
    Checks for a bounded output (`sigmoid`, `tanh`...) regressing targets
    known to lie far outside its range: the raw house prices of
    `boston_housing.load_data()` or `california_housing.load_data()`, or,
    for an output that cannot go negative (`sigmoid`), targets centred on
    zero (standardised with `StandardScaler`, drawn with `np.random.randn`
    or as `2 * rng.random(n) - 1`).

    ## Why is this bad?
    A sigmoid never exceeds 1 and a tanh never exceeds 1 in absolute value;
    a sigmoid is never negative, so half of a set of centred targets is out
    of its reach.
    Prices of 5 to 50 (thousand dollars) can never be predicted: the output
    saturates at its bound and the error never shrinks.

    ## Example
    ```python
    (x_train, y_train), _ = keras.datasets.boston_housing.load_data()
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(loss="mse")
    model.fit(x_train, y_train)
    ```

    Use instead:
    ```python
    (x_train, y_train), _ = keras.datasets.boston_housing.load_data()
    model.add(layers.Dense(1))
    model.compile(loss="mse")
    model.fit(x_train, y_train)
    ```

    ## Fix safety
    When the activation is written as a string (`"sigmoid"`, `"tanh"`...),
    the fix makes it `"linear"`, an output that can reach the targets. It
    is unsafe (`--unsafe-fixes`): scaling the targets into the output's
    range is the other way to repair it, and what a bounded output may have
    been chosen for.

    ## References
    - keras/src/datasets/boston_housing.py (`load_data`: prices in k$)
    """

    CODE = "KL111"
    NAME = "bounded-output-for-unscaled-targets"
    SUMMARY = "sigmoid/tanh output regressing targets outside its range"
    VALID = (
        """\
import keras
(x, y), _ = keras.datasets.boston_housing.load_data()
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss="mse")
model.fit(x, y)
""",
        """\
import keras
(x, y), _ = keras.datasets.boston_housing.load_data()
y = y / y.max()
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(loss="mse")
model.fit(x, y)
""",
    )
    FIX = "unsafe"
    INVALID = (
        Invalid(
            """\
from tensorflow import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.boston_housing.load_data()
model = keras.Sequential([
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),  # expect: KL111
])
model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
model.fit(x_train, y_train, epochs=100)
""",
            fixed="""\
from tensorflow import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.boston_housing.load_data()
model = keras.Sequential([
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(1, activation="linear"),  # expect: KL111
])
model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
model.fit(x_train, y_train, epochs=100)
""",
            unsafe=True,
        ),
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            for output, compile_, loss in trained_pairs(model):
                if output.activation is None:
                    continue
                activation = output.activation
                if activation.name not in BOUNDED_ACTIVATIONS:
                    continue
                if loss.name not in REGRESSION_LOSSES:
                    continue
                raw = next((t for t in targets_of(model, compile_, output) if t.dataset), None)
                if raw is not None:
                    where = file.where(raw.producer_span or raw.span)
                    yield self.diagnostic(
                        activation.span,
                        f"`{activation.name}` output is bounded, but `fit` gets `{raw.source}`, the raw "
                        f"`{raw.dataset}` targets from {where}, far outside its range",
                        "use a linear output, or scale the targets into the output's range",
                        literal_fix(activation.literal, "linear", False, activation.span),
                        related=((raw.producer_span or raw.span, f"the raw `{raw.dataset}` targets"),),
                        trace=trace_of(activation, loss, raw),
                    )
                    break
                if activation.name not in NON_NEGATIVE_ACTIVATIONS:
                    continue
                centred = next((t for t in targets_of(model, compile_, output) if t.standardised), None)
                if centred is not None:
                    where = file.where(centred.producer_span or centred.span)
                    label = f"centred targets from `{centred.producer}`"
                    yield self.diagnostic(
                        activation.span,
                        f"`{activation.name}` output is never negative, but `fit` gets `{centred.source}`, "
                        f"targets centred on zero (`{centred.producer}` at {where}): about half are out of reach",
                        "use a linear output, or scale the targets into [0, 1]",
                        literal_fix(activation.literal, "linear", False, activation.span),
                        related=((centred.producer_span or centred.span, label),),
                        trace=trace_of(activation, loss, centred),
                    )
