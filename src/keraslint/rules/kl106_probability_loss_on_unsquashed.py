from __future__ import annotations

import re
from typing import Iterator

from keraslint.argument_edits import argument_fix
from keraslint.diagnostics import Diagnostic, Replacement
from keraslint.knowledge.activations import UNSQUASHED_ACTIVATIONS
from keraslint.knowledge.losses import CROSSENTROPIES
from keraslint.loss_object_fix import loss_object_fix
from keraslint.model.types import Activation, FileModel, KerasModel, Loss, OutputLayer
from keraslint.rules.base import Invalid, Rule, describe_activation, library_activation, trace_of, trained_pairs


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
    On a linear output, the fix makes the loss read logits: a written
    `from_logits=False` becomes `from_logits=True`, or `from_logits=True`
    is added to a constructor without it (and without positional
    arguments); a loss string written in the `compile` call
    (`"binary_crossentropy"`, `"categorical_crossentropy"`,
    `"sparse_categorical_crossentropy"`) becomes the loss object
    (`keras.losses.BinaryCrossentropy(from_logits=True)`), only where
    `keras` is provably the Keras module (`import keras` or `from
    tensorflow import keras` at the top of the file, before the compile,
    bound nowhere else). It is offered only when every output that loss
    trains is linear; never for a `relu` output (its logits cannot go
    below 0, so it still cannot predict every class), a loss written
    elsewhere (a constant, a loss object built away from the compile), or a
    builder's model (its other calls share the code). It is unsafe: you may have meant to
    add a `softmax`/`sigmoid` instead, which changes what `predict` returns.

    ## References
    - keras/src/backend/jax/nn.py (`binary_crossentropy`,
      `categorical_crossentropy`: `clip(output, epsilon, 1 - epsilon)`)
    - https://keras.io/api/losses/probabilistic_losses/
    """

    CODE = "KL106"
    FIX = "unsafe"
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
        Invalid(
            """\
from tensorflow.keras import layers, Model, Input, losses
inputs = Input(shape=(8,))
outputs = layers.Dense(4, activation=None)(inputs)
model = Model(inputs, outputs)
model.compile(loss=losses.CategoricalCrossentropy(from_logits=False))  # expect: KL106
""",
            fixed="""\
from tensorflow.keras import layers, Model, Input, losses
inputs = Input(shape=(8,))
outputs = layers.Dense(4, activation=None)(inputs)
model = Model(inputs, outputs)
model.compile(loss=losses.CategoricalCrossentropy(from_logits=True))  # expect: KL106
""",
            unsafe=True,
        ),
        Invalid(
            """\
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss=keras.losses.BinaryCrossentropy(label_smoothing=0.1))  # expect: KL106
""",
            fixed="""\
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss=keras.losses.BinaryCrossentropy(label_smoothing=0.1, from_logits=True))  # expect: KL106
""",
            unsafe=True,
        ),
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
                        _fix(file, model, activation, loss),
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


def _fix(file: FileModel, model: KerasModel, activation: Activation, loss: Loss) -> Replacement | None:
    """``from_logits=True`` for the loss's constructor (``from_logits=False``
    changed, or the keyword added), when it is written in the compile and
    every output it trains (in every model this code makes) is linear: the
    crossentropy then reads those values as the logits they are. Not for a
    ``relu`` output (a logit that cannot go below 0 cannot say "class 0"),
    nor a builder's model (its other calls share the code)."""
    if model.via is not None or activation.name != "linear":
        return None
    for each in file.models:
        for output, _, other in trained_pairs(each):
            if other.span == loss.span and (output.activation is None or output.activation.name != "linear"):
                return None
    literal = loss.literal
    if literal is not None:
        # ``loss="binary_crossentropy"`` in the compile: the loss object,
        # where ``keras`` is provably the module (keraslint.loss_object_fix).
        cls = LOSS_CLASSES.get(literal.value)
        if cls is None or literal.span != loss.span or loss.name != literal.value:
            return None
        return loss_object_fix(literal.span, f"keras.losses.{cls}(from_logits=True)", safe=False)
    # Written ``from_logits=False``: that value changes; not written: added.
    # (``place`` checks which, and offers nothing when it is neither.)
    return argument_fix(loss.span, "from_logits", _written_false(loss), "True", safe=False)


# The crossentropy strings and their classes, both taking ``from_logits``
# (keras/src/losses/losses.py).
LOSS_CLASSES = {
    "binary_crossentropy": "BinaryCrossentropy",
    "categorical_crossentropy": "CategoricalCrossentropy",
    "sparse_categorical_crossentropy": "SparseCategoricalCrossentropy",
}


def _written_false(loss: Loss) -> str | None:
    return "False" if re.search(r"\bfrom_logits\b", loss.source) else None
