from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic, Replacement
from keraslint.knowledge.activations import is_keras2_only_activation, is_keras3_only_activation
from keraslint.knowledge.losses import KERAS2_ONLY_LOSS_NAMES, is_keras2_only_loss, is_keras3_only_loss
from keraslint.model.types import FileModel, StringRef
from keraslint.rules._suggest import replace_literal
from keraslint.rules.base import Invalid, Rule


class NameRejectedByKerasVersion(Rule):
    """
    ## What it does
    Checks for a loss or activation name that one Keras major version
    accepts and the project's Keras rejects: names only Keras 2 (`tf.keras`
    before TensorFlow 2.16) knows, such as `"kullback_leibler_divergence"`,
    `"logcosh"` or `keras.losses.logcosh`, in a Keras 3 project; names only
    Keras 3 knows, such as `"dice"` or `activation="hard_silu"`, in a Keras 2
    project.

    Which Keras the project runs is the `keras-version` setting (`"2"`,
    `"3"`, or `"auto"`, the default: read from the dependencies the project
    declares, nearest first: `pyproject.toml`, `requirements*.txt`,
    `setup.cfg`, `setup.py`, `environment.yml`; `keraslint --show-settings`
    says what it found). When nothing decides, a file that uses Keras 3 APIs
    (`keras.ops`, `KERAS_BACKEND`) is taken for Keras 3, and nothing is
    reported otherwise.

    ## Why is this bad?
    The name is looked up when the model is built or compiled: the script
    stops with `Could not interpret loss identifier`, `Unknown activation
    function` or an `AttributeError`, after the data was loaded. Code from a
    Keras 2 tutorial fails this way as soon as the project moves to Keras 3
    (TensorFlow 2.16 made `tf.keras` Keras 3).

    ## Example
    ```python
    import os
    os.environ["KERAS_BACKEND"] = "jax"
    import keras
    model.compile(optimizer="adam", loss="kullback_leibler_divergence")
    ```

    Use instead:
    ```python
    import os
    os.environ["KERAS_BACKEND"] = "jax"
    import keras
    model.compile(optimizer="adam", loss="kl_divergence")
    ```

    ## Fix safety
    Safe for a string with a Keras 3 name that means the same loss
    (`"logcosh"` -> `"log_cosh"`, `"kullback_leibler_divergence"` ->
    `"kl_divergence"`) or computes the same activation (`"Softmax"` ->
    `"softmax"`; not `"LeakyReLU"`, whose Keras 2 slope is 0.3 and Keras 3's
    `leaky_relu` 0.2).
    A Keras 3-only name in a Keras 2 project has no equivalent: no fix.

    ## References
    - keras/src/losses/__init__.py (`ALL_OBJECTS_DICT`, `get`) and
      keras/src/activations/__init__.py (`ALL_OBJECTS`) in Keras 3
    - keras-team/keras v2.15.0 keras/losses.py (the "Aliases" block) and
      keras/activations.py (the module names `deserialize` looks up)
    - tensorflow/tensorflow RELEASE.md, "Release 2.16.0": Keras 3 is the
      default `tf.keras`
    """

    CODE = "KL303"
    NAME = "name-rejected-by-keras-version"
    SUMMARY = "loss or activation name the project's Keras version rejects"
    FIX = "sometimes"
    VALID = (
        """\
import tensorflow as tf
model = tf.keras.Sequential([tf.keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="kullback_leibler_divergence")
""",
        """\
import os
os.environ["KERAS_BACKEND"] = "jax"
import keras
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="dice")
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=keras.losses.log_cosh)
""",
    )
    INVALID = (
        Invalid(
            """\
import os
os.environ["KERAS_BACKEND"] = "jax"
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="logcosh")  # expect: KL303
""",
            fixed="""\
import os
os.environ["KERAS_BACKEND"] = "jax"
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="log_cosh")  # expect: KL303
""",
        ),
        """\
import keras
from keras import ops
model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss=keras.losses.kullback_leibler_divergence)  # expect: KL303
""",
        Invalid(
            """\
import keras
x = keras.ops.ones((2, 3))
head = keras.layers.Dense(10, activation="Softmax")  # expect: KL303
""",
            fixed="""\
import keras
x = keras.ops.ones((2, 3))
head = keras.layers.Dense(10, activation="softmax")  # expect: KL303
""",
        ),
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        if file.registers_custom_objects or file.keras_version is None:
            return
        if file.keras_version == "3":
            yield from self._keras2_names_on_keras3(file)
        else:
            yield from self._keras3_names_on_keras2(file)

    def _keras2_names_on_keras3(self, file: FileModel) -> Iterator[Diagnostic]:
        for ref in file.loss_strings:
            if is_keras2_only_loss(ref.value):
                new = KERAS2_ONLY_LOSS_NAMES[ref.value]
                fixed = replace_literal(ref.literal, ref.value, new)
                yield self.diagnostic(
                    ref.span,
                    f"loss `{ref.value}` exists only in Keras 2 (tf.keras before TensorFlow 2.16); "
                    "this project uses Keras 3, where `compile` fails with `Could not interpret loss identifier`",
                    f"use `{new}`",
                    Replacement(ref.span, fixed) if fixed else None,
                )
        for ref in file.loss_names:
            if is_keras2_only_loss(ref.value):
                new = KERAS2_ONLY_LOSS_NAMES[ref.value]
                yield self.diagnostic(
                    ref.span,
                    f"`keras.losses.{ref.value}` exists only in Keras 2 (tf.keras before TensorFlow 2.16); "
                    "this project uses Keras 3, which has no such name: `AttributeError` or `ImportError`",
                    f"use `keras.losses.{new}`",
                )
        for ref in file.activation_strings:
            if is_keras2_only_activation(ref.value):
                fixed = _fixed_activation(ref)
                yield self.diagnostic(
                    ref.span,
                    f"activation `{ref.value}` is a layer class name that only tf.keras 2.5-2.15 accepts; "
                    "this project uses Keras 3, where the layer fails with `Could not interpret activation "
                    "function identifier`",
                    f"use `{_LOWERCASE[ref.value]}`"
                    if ref.value in _LOWERCASE
                    else f"use a `layers.{ref.value}()` layer after a linear one",
                    Replacement(ref.span, fixed) if fixed else None,
                )

    def _keras3_names_on_keras2(self, file: FileModel) -> Iterator[Diagnostic]:
        for ref in file.loss_strings:
            if is_keras3_only_loss(ref.value):
                yield self.diagnostic(
                    ref.span,
                    f"loss `{ref.value}` exists only in Keras 3; this project uses Keras 2 (tf.keras), "
                    "where `compile` fails with `Unknown loss function`",
                    "move the project to Keras 3 (`keras>=3`), or pass your own loss function",
                )
        for ref in file.loss_names:
            if is_keras3_only_loss(ref.value):
                yield self.diagnostic(
                    ref.span,
                    f"`keras.losses.{ref.value}` exists only in Keras 3; this project uses Keras 2 (tf.keras), "
                    "which has no such name: `AttributeError` or `ImportError`",
                    "move the project to Keras 3 (`keras>=3`), or pass your own loss function",
                )
        for ref in file.activation_strings:
            if is_keras3_only_activation(ref.value):
                yield self.diagnostic(
                    ref.span,
                    f"activation `{ref.value}` exists only in Keras 3; this project uses Keras 2 (tf.keras), "
                    "where the layer fails with `Unknown activation function`",
                    "move the project to Keras 3 (`keras>=3`), or pass a function",
                )


# The Keras 3 activation a Keras 2 layer class name computes exactly, with
# the layer's defaults (keras-team/keras v2.15.0 keras/layers/activation/:
# ``Softmax(axis=-1)``, ``ReLU()``, ``ELU(alpha=1.0)``). ``LeakyReLU`` is
# left out: the Keras 2 layer's slope is 0.3, Keras 3's ``leaky_relu`` 0.2
# (keras/src/activations/activations.py).
_LOWERCASE = {"Softmax": "softmax", "ReLU": "relu", "ELU": "elu"}


def _fixed_activation(ref: StringRef) -> str | None:
    new = _LOWERCASE.get(ref.value)
    return replace_literal(ref.literal, ref.value, new) if new else None
