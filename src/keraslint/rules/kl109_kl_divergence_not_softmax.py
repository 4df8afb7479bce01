from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic
from keraslint.knowledge.activations import SOFTMAX
from keraslint.knowledge.losses import KL_DIVERGENCE
from keraslint.model.types import FileModel
from keraslint.rules._suggest import literal_fix
from keraslint.rules.base import Invalid, Rule, describe_activation, trace_of, trained_pairs


class KLDivergenceOnNonDistribution(Rule):
    """
    ## What it does
    Checks for `kl_divergence` (`"kld"`, `KLDivergence()`) on an output that
    is not a `softmax` distribution.

    ## Why is this bad?
    KL divergence compares two probability distributions. Keras clips both
    sides into [1e-7, 1] first, so a linear or relu output is clipped (no
    gradient outside that range) and sigmoid scores that do not sum to 1 are
    compared as if they did: the loss does not measure what it claims.

    ## Example
    ```python
    model.add(layers.Dense(10))
    model.compile(loss="kl_divergence")
    ```

    Use instead:
    ```python
    model.add(layers.Dense(10, activation="softmax"))
    model.compile(loss="kl_divergence")
    ```

    ## Fix safety
    When the activation is written as a string (`"sigmoid"`, `"relu"`...),
    the fix makes it `"softmax"`, the distribution the loss compares. It is
    unsafe (`--unsafe-fixes`): if the targets are not distributions either,
    the loss is what is wrong.

    ## References
    - keras/src/losses/losses.py (`kl_divergence`: `clip(y_pred, epsilon, 1)`)
    """

    CODE = "KL109"
    NAME = "kl-divergence-on-non-distribution"
    SUMMARY = "`kl_divergence` on an output that is not `softmax`"
    VALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(loss="kld")
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(10), keras.layers.Softmax()])
model.compile(loss=keras.losses.KLDivergence())
""",
    )
    FIX = "unsafe"
    INVALID = (
        Invalid(
            """\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="sigmoid")])  # expect: KL109
model.compile(loss="kl_divergence")
""",
            fixed="""\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])  # expect: KL109
model.compile(loss="kl_divergence")
""",
            unsafe=True,
        ),
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            for output, _, loss in trained_pairs(model):
                if output.activation is None or output.activation.name is None:
                    continue
                activation = output.activation
                if activation.name == SOFTMAX:
                    continue
                if loss.name == KL_DIVERGENCE:
                    yield self.diagnostic(
                        activation.span if activation.source else output.span,
                        f"`kl_divergence` ({file.where(loss.span)}) compares distributions, but the output "
                        f"has {describe_activation(activation)}",
                        "end the model with `softmax`",
                        literal_fix(activation.literal, SOFTMAX, False, activation.span),
                        related=((loss.span, "the loss `kl_divergence`"),),
                        trace=trace_of(activation, loss),
                    )
