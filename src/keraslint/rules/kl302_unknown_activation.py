from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic
from keraslint.knowledge.activations import accepted_activation_strings, canonical_activation
from keraslint.model.types import FileModel
from keraslint.rules._suggest import closest
from keraslint.rules.base import Rule


class UnknownActivation(Rule):
    """
    ## What it does
    Checks for an activation name given to a Keras layer that no Keras
    version accepts, such as `"sigmod"` or `"Softmax"`.

    ## Why is this bad?
    Activation names are case-sensitive lowercase function names. An unknown
    one makes the layer fail with `Could not interpret activation function
    identifier` when the model is built. Files that register custom objects
    are skipped.

    ## Example
    ```python
    layers.Dense(10, activation="Softmax")
    ```

    Use instead:
    ```python
    layers.Dense(10, activation="softmax")
    ```

    ## Fix safety
    No automatic fix yet.

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
from keras import layers
class Sigmod:
    pass
layer = layers.Dense(10, "relu")
""",
    )
    INVALID = (
        """\
from tensorflow.keras.layers import Dense, Activation
hidden = Dense(64, activation="Relu")  # expect: KL302
out = Activation("sigmod")  # expect: KL302
""",
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        if file.registers_custom_objects:
            return
        valid = accepted_activation_strings()
        for ref in file.activation_strings:
            if canonical_activation(ref.value) is not None:
                continue
            suggestion = closest(ref.value, valid)
            yield self.diagnostic(
                ref.span,
                f"unknown activation `{ref.value}`: Keras fails with "
                "`Could not interpret activation function identifier`",
                f"did you mean `{suggestion}`?" if suggestion else "use a name from `keras.activations`",
            )
