from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic
from keraslint.knowledge.activations import SIGNED_BOUNDED_ACTIVATIONS
from keraslint.knowledge.losses import LOG_LOSSES
from keraslint.knowledge.scalers import SCALERS
from keraslint.model.types import FileModel
from keraslint.rules.base import Rule, targets_of, trace_of, trained_pairs


class LogLossOnNegativeValues(Rule):
    """
    ## What it does
    Checks for `mean_squared_logarithmic_error` or `poisson` where the
    predictions or the targets go negative: a `tanh`/`softsign` output,
    targets standardised with `StandardScaler`, or targets generated around
    zero (scikit-learn's `make_regression`).

    ## Why is this bad?
    Both losses take a logarithm. `msle` clips predictions and targets at a
    small epsilon first: the negative half of a tanh output gets no gradient
    and standardised targets (half of them negative) are silently clipped to
    0, so the model is trained towards the wrong values. `poisson` takes
    `log(y_pred + 1e-7)`: a negative prediction makes the loss NaN, and
    negative targets are not counts. A linear output on raw positive
    targets is fine.

    ## Example
    ```python
    y_train = StandardScaler().fit_transform(y_train)
    model.compile(loss="msle")
    model.fit(x_train, y_train)
    ```

    Use instead:
    ```python
    y_train = StandardScaler().fit_transform(y_train)
    model.compile(loss="mse")
    model.fit(x_train, y_train)
    ```

    ## Fix safety
    No automatic fix.

    ## References
    - keras/src/losses/losses.py (`mean_squared_logarithmic_error`:
      `log(maximum(y, epsilon) + 1)`; `poisson`: `log(y_pred + epsilon)`)
    """

    CODE = "KL110"
    NAME = "log-loss-on-negative-values"
    SUMMARY = "`msle`/`poisson` where predictions or targets go negative"
    VALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss="msle")
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(1, activation="exponential")])
model.compile(loss="poisson")
""",
    )
    INVALID = (
        """\
import keras
from sklearn.datasets import make_regression
x, y = make_regression(1000, n_features=8)
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss="poisson")  # expect: KL110
model.fit(x, y)
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(1, activation="tanh")])  # expect: KL110
model.compile(loss="mean_squared_logarithmic_error")
""",
        """\
import keras
from sklearn.preprocessing import StandardScaler
scaler = StandardScaler()
y_scaled = scaler.fit_transform(y.reshape(-1, 1))
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="msle")  # expect: KL110
model.fit(x, y_scaled)
""",
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            for output, compile_, loss in trained_pairs(model):
                if loss.name not in LOG_LOSSES:
                    continue
                activation = output.activation
                if activation is not None and activation.name in SIGNED_BOUNDED_ACTIVATIONS:
                    yield self.diagnostic(
                        activation.span,
                        f"`{activation.name}` output goes negative, but `{loss.name}` ({file.where(loss.span)}) "
                        "takes the log of the prediction: negative predictions get no gradient or a NaN loss",
                        "use a linear, `softplus` or `exponential` output",
                        related=((loss.span, f"the loss `{loss.name}`"),),
                        trace=trace_of(activation, loss),
                    )
                    continue
                scaled = next((t for t in targets_of(model, compile_, output) if t.standardised), None)
                if scaled is not None:
                    where = file.where(scaled.producer_span or scaled.span)
                    scaler = scaled.producer in SCALERS
                    how = "standardised by" if scaler else "generated around zero by"
                    yield self.diagnostic(
                        loss.span,
                        f"`{loss.name}` needs targets >= 0, but `fit` gets `{scaled.source}`, {how} "
                        f"`{scaled.producer}` at {where} (half of it is negative)",
                        "use `mse`/`mae` on standardised targets, or keep them positive for this loss",
                        related=((scaled.producer_span or scaled.span, f"`{scaled.producer}`"),),
                        trace=trace_of(loss, scaled),
                    )
