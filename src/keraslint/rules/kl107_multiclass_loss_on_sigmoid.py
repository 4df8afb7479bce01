from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic
from keraslint.knowledge.activations import SIGMOID, SOFTMAX
from keraslint.knowledge.losses import MULTICLASS_LOSSES
from keraslint.model.types import FileModel
from keraslint.rules._suggest import literal_fix
from keraslint.rules.base import Invalid, Rule, library_activation, trace_of, trained_pairs


class MulticlassLossOnSigmoid(Rule):
    """
    ## What it does
    Checks for `categorical_crossentropy` or `sparse_categorical_crossentropy`
    on a `sigmoid` output with more than one unit, or with a width that is
    not known (one unit would be KL103's mistake: wrong either way).

    ## Why is this bad?
    Sigmoid scores each unit independently; the categorical losses assume the
    units form one distribution. Keras divides the predictions by their sum,
    so the loss cannot tell a confident model from an unsure one and the
    sigmoid outputs you read back are not class probabilities.

    ## Example
    ```python
    model.add(layers.Dense(10, activation="sigmoid"))
    model.compile(loss="categorical_crossentropy")
    ```

    Use instead:
    ```python
    model.add(layers.Dense(10, activation="softmax"))  # one label per sample
    model.compile(loss="categorical_crossentropy")
    # multi-label: keep sigmoid and use loss="binary_crossentropy"
    ```

    With `from_logits=True` the loss applies a softmax to the sigmoid
    scores: squashed into (0, 1) first, no class can stand out, so the
    model stays unsure however it trains (the loss's `from_logits=True` on
    a squashed output, KL105, is folded into this finding).

    ## Fix safety
    When the activation is the string `"sigmoid"`, the fix replaces it with
    `"softmax"`, what the loss assumes; with `from_logits=True`, with
    `"linear"`, keeping the logits the loss expects. It is unsafe (`--unsafe-fixes`):
    for multi-label targets the loss is what is wrong, and needs to become
    `binary_crossentropy`.

    ## References
    - keras/src/backend/jax/nn.py (`categorical_crossentropy` normalises
      `output / sum(output)`)
    - https://keras.io/api/losses/probabilistic_losses/
    """

    CODE = "KL107"
    NAME = "multiclass-loss-on-sigmoid"
    SUMMARY = "categorical crossentropy on a multi-unit `sigmoid` output"
    VALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(5, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(5, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(5)])
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
""",
    )
    FIX = "unsafe"
    INVALID = (
        Invalid(
            """\
import keras
model = keras.Sequential([keras.layers.Dense(5, activation="sigmoid")])  # expect: KL107
model.compile(optimizer="adam", loss="categorical_crossentropy")
""",
            fixed="""\
import keras
model = keras.Sequential([keras.layers.Dense(5, activation="softmax")])  # expect: KL107
model.compile(optimizer="adam", loss="categorical_crossentropy")
""",
            unsafe=True,
        ),
        """\
from tensorflow.keras import layers, models
model = models.Sequential([
    layers.Dense(64, activation="relu"),
    layers.Dense(10, activation="sigmoid"),  # expect: KL107
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
""",
        Invalid(
            """\
import keras
model = keras.Sequential([keras.layers.Dense(5, activation="sigmoid")])  # expect: KL107
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
""",
            fixed="""\
import keras
model = keras.Sequential([keras.layers.Dense(5, activation="linear")])  # expect: KL107
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
""",
            unsafe=True,
        ),
        """\
from keras.preprocessing.image import ImageDataGenerator
from keras import layers, models
train = ImageDataGenerator(rescale=1 / 255).flow_from_directory("data/train", class_mode="categorical")
model = models.Sequential([
    layers.Flatten(),
    layers.Dense(train.num_classes, activation="sigmoid"),  # expect: KL107
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(train)
""",
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            for output, compile_, loss in trained_pairs(model):
                # A width the engine cannot read (``Dense(gen.num_classes)``)
                # is wrong whatever it is: one unit is KL103's mistake, more
                # are this one. Not a width hidden by a reshape after it.
                unknown_width = output.units is None and output.units_span is not None
                if not unknown_width and (output.units is None or output.units < 2) or output.activation is None:
                    continue
                activation = output.activation
                if activation.name != SIGMOID:
                    continue
                width = "an output of unknown width" if output.units is None else f"a {output.units}-unit output"
                if loss.name in MULTICLASS_LOSSES and loss.from_logits is True:
                    # The loss's softmax over sigmoid scores: each class's
                    # logit is squashed into (0, 1) first, so no class can
                    # stand out (KL105 sees the double squashing too and is
                    # folded into this finding, whose hint covers both).
                    yield self.diagnostic(
                        activation.span,
                        f"`sigmoid` on {width} with "
                        + (
                            f"`{loss.source}`"
                            if loss.source.endswith("_with_logits")
                            else f"`{loss.name}` and `from_logits=True`"
                        )
                        + " "
                        f"({file.where(loss.span)}): the loss applies softmax to sigmoid scores squashed into (0, 1), "
                        "so no class can stand out and the model stays unsure",
                        f"{library_activation(output, None) or 'drop the `sigmoid` and keep the logits'} "
                        "for one label per sample, or use `binary_crossentropy` for multi-label",
                        literal_fix(activation.literal, "linear", False, activation.span),
                        related=((loss.span, f"the loss `{loss.source}`"),),
                        trace=trace_of(output, activation, loss),
                        subject=(output.span, compile_.span),
                    )
                if loss.name in MULTICLASS_LOSSES and loss.from_logits is False:
                    yield self.diagnostic(
                        activation.span,
                        f"`sigmoid` on {width} with `{loss.name}` "
                        f"({file.where(loss.span)}): sigmoid scores are independent, the loss assumes one class",
                        f"{library_activation(output, SOFTMAX) or 'use `softmax`'} for one label per sample, "
                        "or `binary_crossentropy` for multi-label",
                        literal_fix(activation.literal, SOFTMAX, False, activation.span),
                        related=((loss.span, f"the loss `{loss.name}`"),),
                        trace=trace_of(output, activation, loss),
                        subject=(output.span, compile_.span),
                    )
