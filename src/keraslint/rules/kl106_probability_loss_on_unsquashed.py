from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic
from keraslint.knowledge.activations import UNSQUASHED_ACTIVATIONS
from keraslint.knowledge.losses import CROSSENTROPIES
from keraslint.model.types import FileModel, Loss, OutputLayer
from keraslint.rules.base import Rule, describe_activation, library_activation, trace_of, trained_pairs


class ProbabilityLossOnUnsquashed(Rule):
    """
    ## What it does
    Checks for a crossentropy loss that expects probabilities
    (`from_logits` false or absent) on an output with no squashing
    activation: linear (no activation, `activation=None`), `relu`, ...

    ## Why is this bad?
    Without `from_logits=True`, Keras clips the predictions into
    [1e-7, 1 - 1e-7] before taking the log. A linear or relu output leaves
    that range freely; every value outside it gives the same loss and a zero
    gradient, so training stalls on exactly the samples it gets most wrong.

    ## Example
    ```python
    model.add(layers.Dense(10))
    model.compile(loss="sparse_categorical_crossentropy")
    ```

    Use instead:
    ```python
    model.add(layers.Dense(10))
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    ```

    ## Fix safety
    No automatic fix: pass `from_logits=True` or add a `softmax`/`sigmoid`.

    ## References
    - keras/src/backend/jax/nn.py (`binary_crossentropy`,
      `categorical_crossentropy`: `clip(output, epsilon, 1 - epsilon)`)
    - https://keras.io/api/losses/probabilistic_losses/
    """

    CODE = "KL106"
    NAME = "probability-loss-on-unsquashed-output"
    SUMMARY = "crossentropy without `from_logits=True` on a linear/relu output"
    VALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss=keras.losses.BinaryCrossentropy(from_logits=True))
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
""",
    )
    INVALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="binary_crossentropy")  # expect: KL106
""",
        """\
from tensorflow.keras import layers, Model, Input, losses
inputs = Input(shape=(8,))
outputs = layers.Dense(4, activation=None)(inputs)
model = Model(inputs, outputs)
model.compile(loss=losses.CategoricalCrossentropy(from_logits=False))  # expect: KL106
""",
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            for output, _, loss in trained_pairs(model):
                if output.activation is None:
                    continue
                activation = output.activation
                if activation.name not in UNSQUASHED_ACTIVATIONS:
                    continue
                if loss.name in CROSSENTROPIES and loss.from_logits is False:
                    yield self.diagnostic(
                        loss.span,
                        f"`{loss.name}` expects probabilities, but the output "
                        f"({file.where(activation.span)}) has {describe_activation(activation)}: "
                        "values outside [0, 1] are clipped and get no gradient",
                        _hint(output, loss),
                        related=((activation.span, "the output's activation"),),
                        trace=trace_of(activation, loss),
                    )


def _hint(output: OutputLayer, loss: Loss) -> str:
    # A library's head: its activation argument, the one a binary loss
    # (``binary_crossentropy``, ``binary_focal_crossentropy``) or a
    # multi-class one expects.
    wanted = "sigmoid" if loss.name is not None and loss.name.startswith("binary") else "softmax"
    library = library_activation(output, wanted)
    if library is not None:
        return f"pass `from_logits=True` to the loss, or {library}"
    return "pass `from_logits=True` to the loss, or end the model with `sigmoid`/`softmax`"
