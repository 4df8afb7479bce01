from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic
from keraslint.knowledge.losses import CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY
from keraslint.model.types import Encoding, FileModel
from keraslint.rules._suggest import literal_fix
from keraslint.rules.base import Invalid, Rule, trace_of, trained_losses


class SparseLossOnOneHotTargets(Rule):
    """
    ## What it does
    Checks for `sparse_categorical_crossentropy` trained on targets that were
    one-hot encoded with `to_categorical`, whatever the output layer is (also
    a model loaded or built elsewhere, whose layers the linter cannot see).

    ## Why is this bad?
    The sparse loss expects one integer class index per sample. Given one-hot
    rows it fails with a shape error at best; with some shapes it reads the
    0/1 entries as class indices and trains on the wrong labels.

    ## Example
    ```python
    y_train = keras.utils.to_categorical(y_train, 10)
    model.compile(loss="sparse_categorical_crossentropy")
    model.fit(x_train, y_train)
    ```

    Use instead:
    ```python
    y_train = keras.utils.to_categorical(y_train, 10)
    model.compile(loss="categorical_crossentropy")
    model.fit(x_train, y_train)
    ```

    ## Fix safety
    When the loss is the string `"sparse_categorical_crossentropy"`, the
    fix replaces it with `"categorical_crossentropy"`, the same loss for
    one-hot targets: safe when the string is written in the `compile` call,
    unsafe (`--unsafe-fixes`) when it is written in a constant or a config
    that other code may read too. No fix for a loss object, nor for a
    1-unit output (there the problem is binary, see KL103).

    ## References
    - keras/src/losses/losses.py (`sparse_categorical_crossentropy`)
    - keras/src/utils/numerical_utils.py (`to_categorical`)
    """

    CODE = "KL201"
    NAME = "sparse-loss-on-one-hot-targets"
    SUMMARY = "`sparse_categorical_crossentropy` trained on one-hot targets"
    VALID = (
        """\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy")
model.fit(x, y)
""",
        """\
import keras
y_onehot = keras.utils.to_categorical([0, 1, 2], 3)
y = [0, 1, 2]
model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy")
model.fit([[0.0], [1.0], [2.0]], y)
""",
    )
    FIX = "sometimes"
    INVALID = (
        Invalid(
            """\
from tensorflow import keras
from tensorflow.keras.utils import to_categorical
y_train = to_categorical([0, 1, 2], 3)
model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")  # expect: KL201
model.fit([[0.0], [1.0], [2.0]], y_train, epochs=3)
""",
            fixed="""\
from tensorflow import keras
from tensorflow.keras.utils import to_categorical
y_train = to_categorical([0, 1, 2], 3)
model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")  # expect: KL201
model.fit([[0.0], [1.0], [2.0]], y_train, epochs=3)
""",
        ),
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            # The targets and the loss decide, whatever the output layer is
            # (known or not); LabelBinarizer's rows need the unit count.
            for output, _, loss, targets in trained_losses(model):
                if loss.name != SPARSE_CATEGORICAL_CROSSENTROPY:
                    continue
                for target in targets:
                    if target.encoding is Encoding.ONE_HOT or (
                        target.encoding is Encoding.ONE_HOT_UNLESS_BINARY
                        and output is not None
                        and output.units is not None
                        and output.units > 2
                    ):
                        yield self.diagnostic(
                            loss.span,
                            f"`sparse_categorical_crossentropy` expects integer labels, but `fit` gets "
                            f"`{target.source}`, one-hot encoded by `{target.producer}` at "
                            f"{file.where(target.producer_span or target.span)}",
                            "use `categorical_crossentropy` with one-hot targets, or fit on the integer labels",
                            None
                            if output is not None and output.units == 1
                            else literal_fix(loss.literal, CATEGORICAL_CROSSENTROPY, True, loss.span),
                            related=(
                                (target.producer_span or target.span, f"one-hot targets from `{target.producer}`"),
                            ),
                            trace=trace_of(loss, target),
                        )
                        break
