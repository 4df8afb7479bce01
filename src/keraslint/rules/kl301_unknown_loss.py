from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic, Replacement
from keraslint.knowledge.losses import (
    accepted_loss_strings,
    is_accepted_loss_string,
)
from keraslint.model.types import FileModel
from keraslint.rules._suggest import closest, only_close, replace_literal
from keraslint.rules.base import Invalid, Rule


class UnknownLoss(Rule):
    """
    ## What it does
    Checks for a loss name in `compile(loss=...)` that no Keras version
    accepts, such as `"categorical_cross_entropy"`.

    ## Why is this bad?
    Keras looks the string up when training starts and fails with
    `Could not interpret loss identifier` — after the data was loaded and the
    model built, or hours into a notebook. Names that only Keras 2
    (`tf.keras`) knows, like `"kullback_leibler_divergence"` or `"logcosh"`,
    and names only Keras 3 knows, like `"dice"`, are KL303's: it reports
    them when the project's Keras rejects them. Files that register custom
    objects are skipped.

    ## Example
    ```python
    model.compile(optimizer="adam", loss="categorical_cross_entropy")
    ```

    Use instead:
    ```python
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    ```

    ## Fix safety
    Safe when exactly one valid name is close (or only the case differs):
    the string is replaced by it.

    ## References
    - keras/src/losses/__init__.py (`ALL_OBJECTS_DICT`, `get`)
    - keras/src/trainers/compile_utils.py (`get_loss`: `"crossentropy"`)
    """

    CODE = "KL301"
    NAME = "unknown-loss"
    SUMMARY = "loss name that no Keras accepts"
    VALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
""",
        """\
import sys
import keras
LOSS = "huber"
if "--custom" in sys.argv:
    LOSS = "my_registered_loss"
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=LOSS)
""",
        """\
import tensorflow as tf
model = tf.keras.Sequential([tf.keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="kullback_leibler_divergence")
""",
        """\
import keras
from my_losses import focal
model = keras.models.load_model("m.keras", custom_objects={"my_focal": focal})
model.compile(optimizer="adam", loss="my_focal")
""",
    )
    FIX = "sometimes"
    INVALID = (
        Invalid(
            """\
import keras
model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_cross_entropy")  # expect: KL301
""",
            fixed="""\
import keras
model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")  # expect: KL301
""",
        ),
        Invalid(
            """\
import keras
LOSS = "binary_crossentrop"  # expect: KL301
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss=LOSS)
""",
            fixed="""\
import keras
LOSS = "binary_crossentropy"  # expect: KL301
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss=LOSS)
""",
        ),
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        if file.registers_custom_objects:
            return
        valid = accepted_loss_strings()
        for ref in file.loss_strings:
            # A name one Keras major version accepts is KL303's to judge.
            if is_accepted_loss_string(ref.value):
                continue
            suggestion = closest(ref.value, valid)
            only = only_close(ref.value, valid)
            fixed = replace_literal(ref.literal, ref.value, only) if only else None
            yield self.diagnostic(
                ref.span,
                f"unknown loss `{ref.value}`: Keras fails with `Could not interpret loss identifier`",
                f"did you mean `{suggestion}`?" if suggestion else "use a name from `keras.losses`",
                Replacement(ref.span, fixed) if fixed else None,
            )
