from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic, Replacement, Span
from keraslint.knowledge.activations import SIGMOID, SOFTMAX
from keraslint.knowledge.losses import BINARY_CROSSENTROPY, BINARY_LOSSES, SPARSE_CATEGORICAL_CROSSENTROPY
from keraslint.model.types import Encoding, FileModel, KerasModel, Loss, OutputLayer, Target
from keraslint.rules._suggest import literal_fix
from keraslint.rules.base import Invalid, Rule, targets_of, trace_of, trained_pairs


class BinaryLossOnMulticlassLabels(Rule):
    """
    ## What it does
    Checks for `binary_crossentropy` on a 1-unit output trained on integer
    labels known to have more than two classes (the digits 0-9 of MNIST
    straight from `load_data()`, for example).

    ## Why is this bad?
    Binary crossentropy reads each target as a probability in [0, 1]. Labels
    such as 2 or 9 are far outside that range: the loss is negative or
    meaningless for them and the model cannot learn the classes.

    ## Example
    ```python
    (x_train, y_train), _ = keras.datasets.mnist.load_data()
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(loss="binary_crossentropy")
    model.fit(x_train, y_train)
    ```

    Use instead:
    ```python
    (x_train, y_train), _ = keras.datasets.mnist.load_data()
    model.add(layers.Dense(10, activation="softmax"))
    model.compile(loss="sparse_categorical_crossentropy")
    model.fit(x_train, y_train)
    ```

    ## Fix safety
    One unsafe fix (`--unsafe-fixes`) of three edits, made together or not
    at all: the head `Dense(1, activation="sigmoid")` becomes
    `Dense(n, activation="softmax")` for the n classes, and the loss
    `"sparse_categorical_crossentropy"`. Only where every value is written
    in the linted code: the unit count as an integer literal and the
    activation `"sigmoid"` as a string in the head's own call (a constant
    may be read by other layers), the loss as the string
    `"binary_crossentropy"` (or `"bce"`), a model no builder makes (its
    other calls share the code), and a class count that is exact (not the
    largest of a few labels written out). Otherwise no fix: the message
    says what to write. Unsafe: the predictions become n probabilities,
    and code that thresholds one score at 0.5 has to change; and the
    labels may be what is wrong (a binary problem whose labels were not
    made 0/1).

    ## References
    - keras/src/losses/losses.py (`binary_crossentropy`)
    - keras/src/datasets/mnist.py (`load_data`: labels 0-9)
    """

    CODE = "KL205"
    NAME = "binary-loss-on-multiclass-labels"
    SUMMARY = "binary crossentropy on a 1-unit output trained on multi-class labels"
    VALID = (
        """\
import keras
(x, y), _ = keras.datasets.imdb.load_data(num_words=10000)
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(loss="binary_crossentropy")
model.fit(x, y)
""",
        """\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
y = (y % 2 == 0).astype(int)
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(loss="binary_crossentropy")
model.fit(x, y)
""",
    )
    FIX = "unsafe"
    INVALID = (
        Invalid(
            """\
import keras
(x_train, y_train), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")  # expect: KL205
model.fit(x_train, y_train)
""",
            fixed="""\
import keras
(x_train, y_train), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")  # expect: KL205
model.fit(x_train, y_train)
""",
            unsafe=True,
        ),
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            for output, compile_, loss in trained_pairs(model):
                if output.units != 1 or loss.name not in BINARY_LOSSES:
                    continue
                for target in targets_of(model, compile_, output):
                    if target.encoding is Encoding.INTEGER and target.classes is not None and target.classes > 2:
                        yield self.diagnostic(
                            loss.span,
                            f"`{loss.name}` needs 0/1 targets, but `fit` gets `{target.source}`, "
                            f"{target.classes}-class labels from `{target.producer}` at "
                            f"{file.where(target.producer_span or target.span)}",
                            f"use {target.classes} `softmax` units with `sparse_categorical_crossentropy`",
                            _fix(model, output, loss, target),
                            related=(
                                (
                                    target.producer_span or target.span,
                                    f"{target.classes}-class labels from `{target.producer}`",
                                ),
                            ),
                            trace=trace_of(output, loss, target),
                            subject=(output.span, compile_.span),
                        )
                        break


def _within(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _fix(model: KerasModel, output: OutputLayer, loss: Loss, target: Target) -> Replacement | None:
    """``Dense(n, activation="softmax")`` and the sparse loss, as one fix of
    three edits, where each value is written once, where the fix changes
    it (see the rule's Fix safety)."""
    activation = output.activation
    if output.kind != "Dense" or not output.units_written or output.units_span is None or model.via is not None:
        return None
    if target.classes is None or target.classes_at_least or activation is None or activation.literal is None:
        return None
    if activation.name != SIGMOID or not _within(activation.literal.span, output.span):
        return None
    if loss.name != BINARY_CROSSENTROPY:
        return None
    head = literal_fix(activation.literal, SOFTMAX, False, activation.span)
    sparse = literal_fix(loss.literal, SPARSE_CATEGORICAL_CROSSENTROPY, False, loss.span)
    if head is None or sparse is None:
        return None
    return Replacement(output.units_span, str(target.classes), False, also=(head, sparse))
