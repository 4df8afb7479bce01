from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic
from keraslint.knowledge.losses import BINARY_LOSSES
from keraslint.model.types import Encoding, FileModel
from keraslint.rules.base import Rule, targets_of, trace_of, trained_pairs


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
    No automatic fix.

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
    INVALID = (
        """\
import keras
(x_train, y_train), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")  # expect: KL205
model.fit(x_train, y_train)
""",
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
