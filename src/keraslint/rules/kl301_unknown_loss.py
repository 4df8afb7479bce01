from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic
from keraslint.knowledge.losses import (
    KERAS2_ONLY_LOSS_NAMES,
    accepted_loss_strings,
    is_accepted_loss_string,
    is_keras2_only_loss,
)
from keraslint.model.types import FileModel
from keraslint.rules._suggest import closest
from keraslint.rules.base import Rule


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
    are not reported, unless the file uses Keras 3 APIs (`keras.ops`,
    `KERAS_BACKEND`). Files that register custom objects are skipped.

    ## Example
    ```python
    model.compile(optimizer="adam", loss="categorical_cross_entropy")
    ```

    Use instead:
    ```python
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    ```

    ## Fix safety
    No automatic fix yet.

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
    INVALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_cross_entropy")  # expect: KL301
""",
        """\
import os
os.environ["KERAS_BACKEND"] = "jax"
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="logcosh")  # expect: KL301
""",
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        if file.registers_custom_objects:
            return
        valid = accepted_loss_strings()
        for ref in file.loss_strings:
            if is_keras2_only_loss(ref.value) and file.targets_keras3:
                yield self.diagnostic(
                    ref.span,
                    f"loss `{ref.value}` exists only in tf.keras (Keras 2); this file uses Keras 3, which rejects it",
                    f"use `{KERAS2_ONLY_LOSS_NAMES[ref.value]}`",
                )
                continue
            if is_accepted_loss_string(ref.value):
                continue
            suggestion = closest(ref.value, valid)
            yield self.diagnostic(
                ref.span,
                f"unknown loss `{ref.value}`: Keras fails with `Could not interpret loss identifier`",
                f"did you mean `{suggestion}`?" if suggestion else "use a name from `keras.losses`",
            )
