from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic, Replacement
from keraslint.knowledge.activations import (
    accepted_activation_strings,
    is_accepted_activation,
)
from keraslint.model.types import FileModel
from keraslint.rules._suggest import closest, only_close, replace_literal
from keraslint.rules.base import Invalid, Rule


class UnknownActivation(Rule):
    """
    ## What it does
    Checks for an activation name given to a Keras layer that no Keras
    version accepts, such as `"sigmod"` or `"Softmax"`.

    ## Why is this bad?
    Activation names are case-sensitive lowercase function names. An unknown
    one makes the layer fail with `Could not interpret activation function
    identifier` when the model is built. tf.keras 2.5-2.15 also took the
    activation layer class names (`"Softmax"`, `"LeakyReLU"`, ...): those,
    and names only Keras 3 knows, are KL303's, reported when the project's
    Keras rejects them. Files that register custom objects are skipped.

    ## Example
    ```python
    layers.Dense(10, activation="Softmax")
    ```

    Use instead:
    ```python
    layers.Dense(10, activation="softmax")
    ```

    ## Fix safety
    Safe when exactly one valid name is close (or only the case differs):
    the string is replaced by it.

    ## References
    - keras/src/activations/__init__.py (`ALL_OBJECTS_DICT`, `get`)
    - https://keras.io/api/layers/activations/
    """

    CODE = "KL302"
    NAME = "unknown-activation"
    SUMMARY = "activation name that no Keras accepts"
    VALID = (
        """\
from keras import layers
layer = layers.Dense(10, activation="swish")
""",
        """\
import tensorflow as tf
head = tf.keras.layers.Dense(10, activation="LeakyReLU")
""",
        """\
from keras import layers
class Sigmod:
    pass
layer = layers.Dense(10, "relu")
""",
    )
    FIX = "sometimes"
    INVALID = (
        Invalid(
            """\
from tensorflow.keras.layers import Dense, Activation
hidden = Dense(64, activation="Relu")  # expect: KL302
out = Activation('sigmod')  # expect: KL302
""",
            fixed="""\
from tensorflow.keras.layers import Dense, Activation
hidden = Dense(64, activation="relu")  # expect: KL302
out = Activation('sigmoid')  # expect: KL302
""",
        ),
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        if file.registers_custom_objects:
            return
        valid = accepted_activation_strings()
        for ref in file.activation_strings:
            # A name one Keras major version accepts is KL303's to judge.
            if is_accepted_activation(ref.value):
                continue
            suggestion = closest(ref.value, valid)
            only = only_close(ref.value, valid)
            fixed = replace_literal(ref.literal, ref.value, only) if only else None
            yield self.diagnostic(
                ref.span,
                f"unknown activation `{ref.value}`: Keras fails with "
                "`Could not interpret activation function identifier`",
                f"did you mean `{suggestion}`?" if suggestion else "use a name from `keras.activations`",
                Replacement(ref.span, fixed) if fixed else None,
            )
