from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic
from keraslint.knowledge.losses import (
    CATEGORICAL_CROSSENTROPY,
    CATEGORICAL_FOCAL_CROSSENTROPY,
    SPARSE_CATEGORICAL_CROSSENTROPY,
)
from keraslint.model.types import Encoding, FileModel, Loss, Target
from keraslint.rules._suggest import literal_fix
from keraslint.rules.base import Invalid, Rule, trace_of, trained_losses


class CategoricalLossOnIntegerTargets(Rule):
    """
    ## What it does
    Checks for `categorical_crossentropy` trained on integer class labels
    that were never one-hot encoded (labels from a Keras dataset's
    `load_data()`, `LabelEncoder`, `np.argmax`, `np.where(cond, 1, 0)`...),
    whatever the output layer is (also a model loaded or built elsewhere).
    On an output of more than one unit it also checks for targets that
    hold one value per sample, whatever the values are (a column of a
    DataFrame read by `pd.read_csv`, a 1-d array), which can never be
    one-hot rows.

    ## Why is this bad?
    Categorical crossentropy compares one-hot rows with the predicted
    distribution. Given one integer per sample, Keras fails with a shape
    error when the shapes differ, and when they broadcast it multiplies the
    predictions by the label values: the loss means nothing.

    ## Example
    ```python
    (x_train, y_train), _ = keras.datasets.mnist.load_data()
    model.compile(loss="categorical_crossentropy")
    model.fit(x_train, y_train)
    ```

    Use instead:
    ```python
    (x_train, y_train), _ = keras.datasets.mnist.load_data()
    model.compile(loss="sparse_categorical_crossentropy")
    model.fit(x_train, y_train)
    ```

    ## Fix safety
    When the loss is the string `"categorical_crossentropy"`, the fix
    replaces it with `"sparse_categorical_crossentropy"`, the same loss for
    integer labels: safe when the string is written in the `compile` call,
    unsafe (`--unsafe-fixes`) when it is written in a constant or a config
    that other code may read too. No fix for a loss object, for the focal
    loss (Keras has no sparse focal loss), nor for a 1-unit output (there
    the problem is binary, see KL103).

    ## References
    - keras/src/losses/losses.py (`categorical_crossentropy`,
      `sparse_categorical_crossentropy`)
    - keras/src/datasets/mnist.py (`load_data` returns integer labels)
    - keras/src/backend/jax/nn.py (`categorical_crossentropy` rejects a
      target whose shape is not the output's)
    """

    CODE = "KL202"
    NAME = "categorical-loss-on-integer-targets"
    SUMMARY = "`categorical_crossentropy` trained on integer labels"
    VALID = (
        """\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
y = keras.utils.to_categorical(y, 10)
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(loss="categorical_crossentropy")
model.fit(x, y)
""",
        """\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy")
model.fit(x, y)
""",
    )
    FIX = "sometimes"
    INVALID = (
        Invalid(
            """\
from tensorflow import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")  # expect: KL202
model.fit(x_train, y_train, validation_data=(x_test, y_test))
""",
            fixed="""\
from tensorflow import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")  # expect: KL202
model.fit(x_train, y_train, validation_data=(x_test, y_test))
""",
        ),
        Invalid(
            """\
import keras
CONFIG = {"loss": 'categorical_crossentropy', "epochs": 3}
(x, y), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss=CONFIG["loss"])  # expect: KL202
model.fit(x, y, epochs=CONFIG["epochs"])
""",
            fixed="""\
import keras
CONFIG = {"loss": 'sparse_categorical_crossentropy', "epochs": 3}
(x, y), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss=CONFIG["loss"])  # expect: KL202
model.fit(x, y, epochs=CONFIG["epochs"])
""",
            unsafe=True,
        ),
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            # The targets and the loss decide, whatever the output layer is
            # (known or not): a categorical loss needs one-hot rows.
            for output, compile_, loss, targets in trained_losses(model):
                if loss.name not in (CATEGORICAL_CROSSENTROPY, CATEGORICAL_FOCAL_CROSSENTROPY):
                    continue
                wide = output is not None and output.units is not None and output.units > 1
                for target in targets:
                    if wide and target.encoding is Encoding.UNKNOWN and target.one_per_sample:
                        yield self._one_per_sample(file, loss, target)
                        break
                    # A binary class mode's 0/1 column on a 1-unit output:
                    # the unit count is the mistake there (KL103). On any
                    # other output, units unknown included (``Dense(len(
                    # os.listdir(d)))``), the column is no one-hot row: a
                    # shape error on more units, a constant loss on one.
                    if target.encoding is Encoding.INTEGER or (
                        target.encoding is Encoding.INTEGER_OR_BINARY and output is not None and output.units != 1
                    ):
                        where = file.where(target.producer_span or target.span)
                        single = output is not None and output.units == 1
                        # On one unit with two classes the unit count is the
                        # mistake, KL103's: this finding folds into it.
                        binary = single and (target.classes or 2) <= 2
                        fix = (
                            None
                            if single or loss.name != CATEGORICAL_CROSSENTROPY
                            else literal_fix(loss.literal, SPARSE_CATEGORICAL_CROSSENTROPY, True, loss.span)
                        )
                        yield self.diagnostic(
                            loss.span,
                            f"`{loss.name}` expects one-hot targets, but `fit` gets `{target.source}`, "
                            f"integer labels from `{target.producer}` at {where}",
                            # On one unit the sparse loss is as constant (KL103).
                            "for a binary problem use `binary_crossentropy` with a 1-unit `sigmoid` output"
                            if binary
                            else "use `sparse_categorical_crossentropy` for integer labels, "
                            "or one-hot encode them with `keras.utils.to_categorical`",
                            fix,
                            related=(
                                (target.producer_span or target.span, f"integer labels from `{target.producer}`"),
                            ),
                            trace=trace_of(loss, target),
                            subject=(output.span, compile_.span) if binary and output is not None else None,
                        )
                        break

    def _one_per_sample(self, file: FileModel, loss: Loss, target: Target) -> Diagnostic:
        """One value per sample, whatever it is, on a wider output: Keras 3
        rejects the shapes (keras/src/backend/jax/nn.py
        ``categorical_crossentropy``: "`target` and `output` must have the
        same shape"), tf.keras 2 too ("Shapes ... are incompatible")."""
        return self.diagnostic(
            loss.span,
            f"`{loss.name}` expects one-hot targets, but `fit` gets `{target.source}`, "
            f"one value per sample from `{target.producer}` at {file.where(target.producer_span or target.span)}",
            "use `sparse_categorical_crossentropy` if the values are class indices, "
            "or one-hot encode them with `keras.utils.to_categorical`",
            related=((target.producer_span or target.span, f"one value per sample from `{target.producer}`"),),
        )
