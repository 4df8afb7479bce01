from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic, Replacement
from keraslint.knowledge.activations import SOFTMAX
from keraslint.knowledge.losses import (
    BINARY_CROSSENTROPY,
    BINARY_LOSSES,
    CATEGORICAL_CROSSENTROPY,
)
from keraslint.model.types import Encoding, FileModel, Loss, Target
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


class BinaryLossOnSoftmax(Rule):
    """
    ## What it does
    Checks for `binary_crossentropy` (or binary focal crossentropy) on a
    `softmax` output with three or more units.

    ## Why is this bad?
    Binary crossentropy scores every unit as its own yes/no problem and
    averages them, while softmax makes the units compete for one class. The
    loss you watch is not the multi-class log-loss (a uniform guess over 10
    classes scores 0.33 instead of 2.30), and it can rank a prediction that
    moves probability away from the true class as better, so the optimiser
    is pushed the wrong way.

    Two softmax units are left alone: their probabilities are `p` and
    `1 - p`, so with one-hot targets binary crossentropy equals categorical
    crossentropy, gradients included (binary focal crossentropy equals
    categorical focal crossentropy with `alpha=1`).

    ## Example
    ```python
    model.add(layers.Dense(10, activation="softmax"))
    model.compile(optimizer="adam", loss="binary_crossentropy")
    ```

    Use instead:
    ```python
    model.add(layers.Dense(10, activation="softmax"))
    model.compile(optimizer="adam", loss="categorical_crossentropy")  # one-hot targets
    # or loss="sparse_categorical_crossentropy" for integer labels
    ```

    ## Fix safety
    When the loss is the string `"binary_crossentropy"` (or `"bce"`), the
    fix replaces it with the loss that matches the targets: safe
    `"categorical_crossentropy"` when `fit` gets one-hot targets, safe
    `"sparse_categorical_crossentropy"` when it gets integer labels, and
    unsafe (`--unsafe-fixes`) `"categorical_crossentropy"` when the targets
    are not known (integer labels would need the sparse loss). A string
    written in a constant or a config other code may read is only fixed
    unsafely. No fix for a loss object nor for binary focal crossentropy.

    ## References
    - keras/src/losses/losses.py (`binary_crossentropy`, `categorical_crossentropy`)
    - https://keras.io/api/losses/probabilistic_losses/
    """

    CODE = "KL102"
    NAME = "binary-loss-on-softmax"
    SUMMARY = "binary crossentropy on a `softmax` output of 3 or more units"
    VALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(5, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer="adam", loss="binary_crossentropy")
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
""",
    )
    FIX = "sometimes"
    INVALID = (
        Invalid(
            """\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="bce")  # expect: KL102
""",
            fixed="""\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")  # expect: KL102
""",
            unsafe=True,
        ),
        Invalid(
            """\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="binary_crossentropy")  # expect: KL102
model.fit(x, y)
""",
            fixed="""\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")  # expect: KL102
model.fit(x, y)
""",
        ),
        Invalid(
            """\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
y = keras.utils.to_categorical(y, 10)
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss='binary_crossentropy')  # expect: KL102
model.fit(x, y)
""",
            fixed="""\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
y = keras.utils.to_categorical(y, 10)
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss='categorical_crossentropy')  # expect: KL102
model.fit(x, y)
""",
        ),
        """\
from tensorflow import keras
inputs = keras.Input(shape=(20,))
outputs = keras.layers.Dense(3, activation="softmax")(inputs)
model = keras.Model(inputs, outputs)
model.compile(
    optimizer="adam",
    loss=keras.losses.BinaryCrossentropy(),  # expect: KL102
)
""",
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            for output, compile_, loss in trained_pairs(model):
                # Two units: p and 1 - p, and binary crossentropy is then
                # categorical crossentropy (tests/test_keras_harm.py).
                if output.units is None or output.units < 3 or output.activation is None:
                    continue
                if output.activation.name != SOFTMAX:
                    continue
                if loss.name in BINARY_LOSSES:
                    yield self.diagnostic(
                        loss.span,
                        f"`{loss.name}` on a {output.units}-unit `softmax` output "
                        f"({file.where(output.activation.span)}) treats each class as a separate yes/no problem",
                        "use `categorical_crossentropy` for one-hot targets or "
                        "`sparse_categorical_crossentropy` for integer labels",
                        _fix(loss, targets_of(model, compile_, output), output.units),
                        related=((output.activation.span, f"the {output.units}-unit `softmax` output"),),
                        trace=trace_of(output, output.activation, loss),
                    )


def _fix(loss: Loss, targets: tuple[Target, ...], units: int) -> Replacement | None:
    """The crossentropy the targets' encoding asks for (3+ units, so
    LabelBinarizer's rows are one-hot); a guess when it is not known."""
    if loss.name != BINARY_CROSSENTROPY:
        return None
    encodings = target_encodings(targets, units)
    chosen = crossentropy_for(encodings)
    if chosen is not None:
        return literal_fix(loss.literal, chosen, True, loss.span)
    if Encoding.INTEGER in encodings or Encoding.ONE_HOT in encodings:
        return None  # both, or known and unknown: no fix is right for all
    return literal_fix(loss.literal, CATEGORICAL_CROSSENTROPY, False, loss.span)
