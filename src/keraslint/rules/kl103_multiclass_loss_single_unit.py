from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic
from keraslint.knowledge.activations import SIGMOID, SOFTMAX
from keraslint.knowledge.losses import (
    BINARY_CROSSENTROPY,
    CATEGORICAL_CROSSENTROPY,
    MULTICLASS_LOSSES,
    SPARSE_CATEGORICAL_CROSSENTROPY,
)
from keraslint.model.types import FileModel
from keraslint.rules._suggest import literal_fix
from keraslint.rules.base import Invalid, Rule, targets_of, trace_of, trained_pairs


class MulticlassLossOnSingleUnit(Rule):
    """
    ## What it does
    Checks for `categorical_crossentropy` or `sparse_categorical_crossentropy`
    on an output layer with a single unit.

    ## Why is this bad?
    Categorical losses compare a distribution over one unit per class. With
    one unit, Keras normalises the prediction to exactly 1.0, so the loss is
    the same for every prediction and the model gets no gradient: training
    runs and learns nothing. A single unit means a binary problem.

    ## Example
    ```python
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    ```

    Use instead:
    ```python
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer="adam", loss="binary_crossentropy")
    ```

    ## Fix safety
    When the loss is the string `"categorical_crossentropy"` or
    `"sparse_categorical_crossentropy"`, the output is a `sigmoid` (or a
    `softmax`, which KL101 turns into a `sigmoid`) and the targets are not
    known to have more than two classes, the fix replaces the loss with
    `"binary_crossentropy"`. It is unsafe (`--unsafe-fixes`): the problem
    may be multi-class and need one unit per class instead. No fix for a
    linear output (it would need `from_logits=True`), nor when the targets
    have more than two classes.

    ## References
    - keras/src/losses/losses.py (`categorical_crossentropy`,
      `sparse_categorical_crossentropy`)
    - https://keras.io/api/losses/probabilistic_losses/
    """

    CODE = "KL103"
    NAME = "multiclass-loss-on-single-unit"
    SUMMARY = "categorical crossentropy on a 1-unit output"
    FIX = "unsafe"
    VALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
""",
    )
    INVALID = (
        """\
from keras.models import Sequential
from keras.layers import Dense
model = Sequential()
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="categorical_crossentropy", optimizer="sgd")  # expect: KL103
""",
        """\
import tensorflow as tf
model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile(
    optimizer="adam",
    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),  # expect: KL103
)
""",
        Invalid(
            """\
import keras
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss='sparse_categorical_crossentropy')  # expect: KL103
""",
            fixed="""\
import keras
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss='binary_crossentropy')  # expect: KL103
""",
            unsafe=True,
        ),
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            for output, compile_, loss in trained_pairs(model):
                if output.units != 1:
                    continue
                if loss.name in MULTICLASS_LOSSES:
                    # The hint every other finding on this model agrees with:
                    # one unit per class when the targets have more than two.
                    classes = max((t.classes or 0 for t in targets_of(model, compile_, output)), default=0)
                    if classes > 2:
                        hint = f"the targets have {classes} classes: give the output {classes} units with `softmax`"
                    else:
                        hint = "for a binary problem use `binary_crossentropy` with a 1-unit `sigmoid` output"
                    yield self.diagnostic(
                        loss.span,
                        f"`{loss.name}` needs one output unit per class, but the output "
                        f"({file.where(output.span)}) has 1 unit: the loss is constant and nothing is learned",
                        hint,
                        # Only where the fixed model is right: a binary loss
                        # on a sigmoid (KL101 makes a softmax one).
                        literal_fix(loss.literal, BINARY_CROSSENTROPY, False, loss.span)
                        if classes <= 2
                        and loss.name in (CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY)
                        and output.activation is not None
                        and output.activation.name in (SIGMOID, SOFTMAX)
                        else None,
                        related=((output.span, "the 1-unit output"),),
                        trace=trace_of(output, loss),
                        subject=(output.span, compile_.span),
                    )
