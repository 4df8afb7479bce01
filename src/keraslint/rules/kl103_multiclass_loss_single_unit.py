from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic
from keraslint.knowledge.losses import MULTICLASS_LOSSES
from keraslint.model.types import FileModel
from keraslint.rules.base import Rule, targets_of, trained_pairs


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
    No automatic fix: a multi-class problem needs one unit per class instead.

    ## References
    - keras/src/losses/losses.py (`categorical_crossentropy`,
      `sparse_categorical_crossentropy`)
    - https://keras.io/api/losses/probabilistic_losses/
    """

    CODE = "KL103"
    NAME = "multiclass-loss-on-single-unit"
    SUMMARY = "categorical crossentropy on a 1-unit output"
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
                        related=((output.span, "the 1-unit output"),),
                    )
