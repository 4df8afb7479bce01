from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic
from keraslint.knowledge.activations import NON_NEGATIVE_ACTIVATIONS, SIGMOID
from keraslint.knowledge.losses import HINGE_LOSSES
from keraslint.model.types import FileModel
from keraslint.rules._suggest import literal_fix
from keraslint.rules.base import Invalid, Rule, trace_of, trained_pairs


class HingeOnNonNegativeOutput(Rule):
    """
    ## What it does
    Checks for `hinge` or `squared_hinge` on an output whose activation can
    never be negative (`sigmoid`, `softmax`, `relu`, `softplus`, ...).

    ## Why is this bad?
    Hinge losses score labels as -1 and 1 (Keras converts 0/1 labels to
    -1/1 itself) and want a negative score for the negative class. An output
    that cannot go below 0 never meets the margin for those samples: their
    loss stays at 1 or more whatever the model learns, so the loss never
    approaches 0 and keeps pushing the weights.

    ## Example
    ```python
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer="sgd", loss="hinge")
    ```

    Use instead:
    ```python
    model.add(layers.Dense(1, activation="tanh"))
    model.compile(optimizer="sgd", loss="hinge")
    ```

    ## Fix safety
    When the activation is the string `"sigmoid"`, the fix replaces it with
    `"tanh"`, the same squashing shifted to [-1, 1]. It is unsafe
    (`--unsafe-fixes`): code that reads the predictions as probabilities
    (a 0.5 threshold) has to change too. No fix for the other activations.

    ## References
    - keras/src/losses/losses.py (`hinge`, `squared_hinge`,
      `convert_binary_labels_to_hinge`)
    - https://keras.io/api/losses/hinge_losses/
    """

    CODE = "KL104"
    NAME = "hinge-on-non-negative-output"
    SUMMARY = "hinge loss on an output that cannot go negative"
    VALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(1, activation="tanh")])
model.compile(optimizer="sgd", loss="hinge")
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss=keras.losses.SquaredHinge())
""",
    )
    FIX = "sometimes"
    INVALID = (
        Invalid(
            """\
import keras
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])  # expect: KL104
model.compile(optimizer="sgd", loss="hinge")
""",
            fixed="""\
import keras
model = keras.Sequential([keras.layers.Dense(1, activation="tanh")])  # expect: KL104
model.compile(optimizer="sgd", loss="hinge")
""",
            unsafe=True,
        ),
        """\
from tensorflow.keras import layers, models
model = models.Sequential()
model.add(layers.Dense(1))
model.add(layers.Activation("relu"))  # expect: KL104
model.compile(optimizer="sgd", loss="squared_hinge")
""",
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            for output, _, loss in trained_pairs(model):
                if output.activation is None:
                    continue
                activation = output.activation
                if activation.name not in NON_NEGATIVE_ACTIVATIONS:
                    continue
                if loss.name in HINGE_LOSSES:
                    yield self.diagnostic(
                        activation.span,
                        f"`{activation.name}` output cannot go negative, but `{loss.name}` "
                        f"({file.where(loss.span)}) needs negative scores for the negative class",
                        "use `tanh` or a linear output; Keras maps 0/1 labels to -1/1 itself",
                        literal_fix(activation.literal, "tanh", False, activation.span)
                        if activation.name == SIGMOID
                        else None,
                        related=((loss.span, f"the loss `{loss.name}`"),),
                        trace=trace_of(activation, loss),
                    )
