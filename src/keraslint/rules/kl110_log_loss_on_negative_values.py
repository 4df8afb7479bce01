from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic, Replacement
from keraslint.knowledge.activations import SIGNED_BOUNDED_ACTIVATIONS
from keraslint.knowledge.losses import LOG_LOSSES
from keraslint.knowledge.scalers import SCALERS
from keraslint.model.types import FileModel, Loss
from keraslint.rules._suggest import literal_fix
from keraslint.rules.base import Invalid, Rule, targets_of, trace_of, trained_pairs

# What the fixes write: an output that is positive everywhere and has a
# gradient everywhere (keras/src/activations/activations.py ``softplus``:
# log(exp(x) + 1)), and the neutral regression loss.
SOFTPLUS = "softplus"


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
    Both fixes are unsafe (`--unsafe-fixes`). On a `tanh`/`softsign`
    output written as a string, the fix makes it `"softplus"`: positive and
    unbounded, with a gradient everywhere, so both losses are defined for
    every prediction (a linear output can still go negative: no gradient
    under `msle`, a NaN under `poisson`). The loss, chosen for positive
    targets, is kept. The predictions' range changes, and code that reads
    them as values in [-1, 1] has to change too. When `fit` is known to get
    targets centred on zero, the loss is wrong whatever the output, and the
    fix replaces a loss string with `"mse"` (`"mean_squared_error"` for a
    name written out), the neutral regression loss; it changes what the
    model optimises, and you may rather keep the targets positive. No fix
    for an activation or a loss that is not one string.

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
    FIX = "unsafe"
    INVALID = (
        Invalid(
            """\
import keras
from sklearn.datasets import make_regression
x, y = make_regression(1000, n_features=8)
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss="poisson")  # expect: KL110
model.fit(x, y)
""",
            fixed="""\
import keras
from sklearn.datasets import make_regression
x, y = make_regression(1000, n_features=8)
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss="mean_squared_error")  # expect: KL110
model.fit(x, y)
""",
            unsafe=True,
        ),
        Invalid(
            """\
import keras
model = keras.Sequential([keras.layers.Dense(1, activation="tanh")])  # expect: KL110
model.compile(loss="mean_squared_logarithmic_error")
""",
            fixed="""\
import keras
model = keras.Sequential([keras.layers.Dense(1, activation="softplus")])  # expect: KL110
model.compile(loss="mean_squared_logarithmic_error")
""",
            unsafe=True,
        ),
        Invalid(
            """\
import keras
from sklearn.preprocessing import StandardScaler
scaler = StandardScaler()
y_scaled = scaler.fit_transform(y.reshape(-1, 1))
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="msle")  # expect: KL110
model.fit(x, y_scaled)
""",
            fixed="""\
import keras
from sklearn.preprocessing import StandardScaler
scaler = StandardScaler()
y_scaled = scaler.fit_transform(y.reshape(-1, 1))
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")  # expect: KL110
model.fit(x, y_scaled)
""",
            unsafe=True,
        ),
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            for output, compile_, loss in trained_pairs(model):
                if loss.name not in LOG_LOSSES:
                    continue
                activation = output.activation
                targets = targets_of(model, compile_, output)
                scaled = next((t for t in targets if t.standardised), None)
                if activation is not None and activation.name in SIGNED_BOUNDED_ACTIVATIONS:
                    # Targets centred on zero make the loss wrong whatever
                    # the output: then the loss is what the fix changes.
                    fix = (
                        _loss_fix(loss)
                        if scaled is not None
                        else literal_fix(activation.literal, SOFTPLUS, False, activation.span)
                    )
                    yield self.diagnostic(
                        activation.span,
                        f"`{activation.name}` output goes negative, but `{loss.name}` ({file.where(loss.span)}) "
                        "takes the log of the prediction: negative predictions get no gradient or a NaN loss",
                        "use a `softplus` or `exponential` output (a linear one can still go negative)",
                        fix,
                        related=((loss.span, f"the loss `{loss.name}`"),),
                        trace=trace_of(activation, loss),
                    )
                    continue
                if scaled is not None:
                    where = file.where(scaled.producer_span or scaled.span)
                    scaler = scaled.producer in SCALERS
                    how = "standardised by" if scaler else "generated around zero by"
                    yield self.diagnostic(
                        loss.span,
                        f"`{loss.name}` needs targets >= 0, but `fit` gets `{scaled.source}`, {how} "
                        f"`{scaled.producer}` at {where} (half of it is negative)",
                        "use `mse`/`mae` on standardised targets, or keep them positive for this loss",
                        _loss_fix(loss),
                        related=((scaled.producer_span or scaled.span, f"`{scaled.producer}`"),),
                        trace=trace_of(loss, scaled),
                    )


def _loss_fix(loss: Loss) -> Replacement | None:
    """The loss string become the mean squared error, spelt as it was
    (``"msle"`` -> ``"mse"``, a name written out -> the name written out)."""
    literal = loss.literal
    new = "mse" if literal is not None and literal.value == "msle" else "mean_squared_error"
    return literal_fix(literal, new, False, loss.span)
