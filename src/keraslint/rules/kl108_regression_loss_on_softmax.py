from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic, Replacement
from keraslint.knowledge.activations import SOFTMAX
from keraslint.knowledge.losses import REGRESSION_LOSSES
from keraslint.model.types import FileModel, Loss, OutputLayer, Target
from keraslint.rules._suggest import literal_fix
from keraslint.rules.base import (
    Invalid,
    Rule,
    crossentropy_for,
    target_encodings,
    targets_of,
    trace_of,
    trained_pairs,
)


class RegressionLossOnSoftmax(Rule):
    """
    ## What it does
    Checks for a regression loss (`mse`, `mae`, `msle`, `huber`,
    `log_cosh`...) on a `softmax` output with more than one unit, or whose
    width is not known (computed from the data): with one unit the softmax
    is constant (KL101), so the loss is wrong whatever the width.

    ## Why is this bad?
    A softmax output is a classifier. Squared or absolute error between
    probabilities and one-hot rows gives tiny gradients when the model is
    confidently wrong (the softmax saturates), so it trains far slower and
    worse than crossentropy, and the loss value is not a log-likelihood.

    ## Example
    ```python
    model.add(layers.Dense(10, activation="softmax"))
    model.compile(loss="mse")
    ```

    Use instead:
    ```python
    model.add(layers.Dense(10, activation="softmax"))
    model.compile(loss="categorical_crossentropy")
    ```

    ## Fix safety
    When the loss is a string and `fit` is known to get one-hot targets
    (`to_categorical`), the fix replaces it with `"categorical_crossentropy"`;
    when `fit` gets integer labels (`mnist.load_data()`), with
    `"sparse_categorical_crossentropy"`. It is unsafe (`--unsafe-fixes`):
    the loss values, and the code that reads them (early stopping
    thresholds, learning-rate schedules), change. No fix when the targets
    are not known: which crossentropy is right depends on how they are
    encoded, which the code does not say (the message names both).

    ## References
    - keras/src/losses/losses.py (`mean_squared_error`, `categorical_crossentropy`)
    """

    CODE = "KL108"
    NAME = "regression-loss-on-softmax"
    SUMMARY = "regression loss on a `softmax` output of more than one unit or unknown width"
    VALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(loss="categorical_crossentropy", metrics=["mse"])
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(3)])
model.compile(loss="mse")
""",
    )
    FIX = "sometimes"
    INVALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="mean_squared_error")  # expect: KL108
""",
        Invalid(
            """\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
y = keras.utils.to_categorical(y, 10)
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="mse")  # expect: KL108
model.fit(x, y)
""",
            fixed="""\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
y = keras.utils.to_categorical(y, 10)
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")  # expect: KL108
model.fit(x, y)
""",
            unsafe=True,
        ),
        Invalid(
            """\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="mae")  # expect: KL108
model.fit(x, y)
""",
            fixed="""\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")  # expect: KL108
model.fit(x, y)
""",
            unsafe=True,
        ),
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            for output, compile_, loss in trained_pairs(model):
                # One unit is KL101's (a constant output). A width not known
                # is wrong either way: a classifier, or that constant.
                if output.units == 1 or output.activation is None:
                    continue
                if output.activation.name != SOFTMAX:
                    continue
                if loss.name in REGRESSION_LOSSES:
                    head = (
                        "a `softmax` classifier of unknown width"
                        if output.units is None
                        else f"a {output.units}-unit `softmax` classifier"
                    )
                    yield self.diagnostic(
                        loss.span,
                        f"regression loss `{loss.name}` on {head} "
                        f"({file.where(output.activation.span)}): confident mistakes get almost no gradient",
                        "use `categorical_crossentropy` (one-hot) or `sparse_categorical_crossentropy` (integers)",
                        _fix(loss, output, targets_of(model, compile_, output)),
                        related=((output.activation.span, "the output's `softmax`"),),
                        trace=trace_of(output, output.activation, loss),
                    )


def _fix(loss: Loss, output: OutputLayer, targets: tuple[Target, ...]) -> Replacement | None:
    """The crossentropy the targets' encoding asks for, when every target
    ``fit`` gets is known to be one-hot, or every one integer labels; never
    safe (the loss's values change, and what reads them)."""
    chosen = crossentropy_for(target_encodings(targets, output.units))
    return literal_fix(loss.literal, chosen, False, loss.span) if chosen is not None else None
