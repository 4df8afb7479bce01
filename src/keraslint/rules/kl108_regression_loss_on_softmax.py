from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic
from keraslint.knowledge.activations import SOFTMAX
from keraslint.knowledge.losses import REGRESSION_LOSSES
from keraslint.model.types import FileModel
from keraslint.rules.base import Rule, trace_of, trained_pairs


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
    No automatic fix.

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
    INVALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="mean_squared_error")  # expect: KL108
""",
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            for output, _, loss in trained_pairs(model):
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
                        related=((output.activation.span, "the output's `softmax`"),),
                        trace=trace_of(output, output.activation, loss),
                    )
