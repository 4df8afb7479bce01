from __future__ import annotations

from typing import Iterator

from keraslint.argument_edits import argument_fix
from keraslint.diagnostics import Diagnostic, Replacement
from keraslint.knowledge.activations import PROBABILITY_ACTIVATIONS, SIGMOID
from keraslint.knowledge.losses import MULTICLASS_LOSSES
from keraslint.model.types import Activation, FileModel, KerasModel, Loss, OutputLayer
from keraslint.rules.base import Invalid, Rule, library_activation, trace_of, trained_pairs


class FromLogitsOnProbabilities(Rule):
    """
    ## What it does
    Checks for a loss with `from_logits=True` on an output that already
    applies `softmax` or `sigmoid`.

    ## Why is this bad?
    `from_logits=True` tells the loss to apply softmax/sigmoid itself. On
    probabilities it squashes twice: even a perfect prediction keeps a large
    loss (about 1.46 for 10 classes), gradients are flattened and the
    predicted probabilities you read back are not the ones the loss scored.

    A KerasHub task (`BertTextClassifier`, `ImageClassifier`,
    `DeepLabV3ImageSegmenter`, ...) built with `activation="softmax"` is
    compiled by its constructor before it sets the activation, with a loss
    that takes logits: `fit` without a `compile` of your own trains on it.
    Call `compile()` first (its default loss then sees the `softmax`).

    ## Example
    ```python
    model.add(layers.Dense(10, activation="softmax"))
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    ```

    Use instead:
    ```python
    model.add(layers.Dense(10))
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    ```

    ## Fix safety
    The fix removes `from_logits=True` from the loss (with its comma), so
    the loss reads the probabilities the output gives. It is offered only
    when the loss is constructed in the `compile` call with a literal
    `from_logits=True` keyword, and every output that loss trains applies
    `softmax`/`sigmoid`; never for a builder's model (its other calls share
    the code). It is unsafe: you may have meant the other fix, dropping the
    activation and keeping the logits (numerically more stable), which
    changes what `predict` returns.

    ## References
    - keras/src/losses/losses.py (`from_logits` of the crossentropy losses)
    - keras-hub: keras_hub/src/models/task.py (`Task.__init__` compiles),
      text_classifier.py (`compile(loss="auto")`)
    - https://keras.io/api/losses/probabilistic_losses/
    """

    CODE = "KL105"
    FIX = "unsafe"
    NAME = "from-logits-on-probabilities"
    SUMMARY = "`from_logits=True` on an output that already applies softmax/sigmoid"
    VALID = (
        """\
import keras
model = keras.Sequential([keras.layers.Dense(10)])
model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(loss=keras.losses.SparseCategoricalCrossentropy())
""",
    )
    INVALID = (
        Invalid(
            """\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))  # expect: KL105
""",
            fixed="""\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(loss=keras.losses.SparseCategoricalCrossentropy())  # expect: KL105
""",
            unsafe=True,
        ),
        """\
import tensorflow as tf
inputs = tf.keras.Input(shape=(3,))
outputs = tf.keras.layers.Dense(1, activation="sigmoid")(inputs)
model = tf.keras.Model(inputs, outputs)
model.compile("adam", tf.keras.losses.BinaryCrossentropy(True))  # expect: KL105
""",
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            for output, compile_, loss in trained_pairs(model):
                if output.activation is None:
                    continue
                activation = output.activation
                if activation.name not in PROBABILITY_ACTIVATIONS:
                    continue
                if loss.from_logits is True and compile_.default_of is not None:
                    yield self._library_default(compile_.default_of, output, activation, loss)
                elif loss.from_logits is True:
                    # ``tf.nn.softmax_cross_entropy_with_logits`` (model/loops.py):
                    # the op itself takes logits, no flag to remove.
                    op = loss.source.endswith("_with_logits")
                    library = library_activation(output, None)
                    # A sigmoid head under a categorical loss is KL107's
                    # (or on one unit KL103's) mistake: folded into it, and
                    # removing the flag would leave that mistake (no fix).
                    categorical_sigmoid = activation.name == SIGMOID and loss.name in MULTICLASS_LOSSES
                    yield self.diagnostic(
                        loss.span,
                        (f"`{loss.source}` takes logits, but" if op else "`from_logits=True` but")
                        + f" the output already applies `{activation.name}` "
                        f"({file.where(activation.span)}): the loss squashes it a second time",
                        f"use `keras.losses.{loss.name}` on the probabilities, or drop the `{activation.name}` "
                        "and keep the logits"
                        if op
                        else f"remove `from_logits=True`, or {library} to keep the logits"
                        if library
                        else f"remove `from_logits=True`, or drop the `{activation.name}` and keep the logits",
                        None if op or categorical_sigmoid else _fix(file, model, loss),
                        related=((activation.span, f"the output's `{activation.name}`"),),
                        trace=trace_of(activation, loss),
                        subject=(output.span, compile_.span) if categorical_sigmoid else None,
                    )

    def _library_default(self, callee: str, output: OutputLayer, activation: Activation, loss: Loss) -> Diagnostic:
        """A KerasHub task built with ``softmax`` and trained on the compile
        it came with (knowledge/library_models.py ``DEFAULT_COMPILE_LOSS``)."""
        return self.diagnostic(
            activation.span,
            f"`{callee}` compiles the model with `from_logits=True` before it applies the `softmax`: "
            "trained without a `compile` of your own, the loss squashes the output a second time",
            "call `compile()` on the model before `fit` (its default loss then sees the `softmax`), "
            f"or {library_activation(output, None)} to keep the logits",
            related=((loss.span, f"the default loss `{loss.source}`"),),
            trace=trace_of(activation, loss),
        )


def _fix(file: FileModel, model: KerasModel, loss: Loss) -> Replacement | None:
    """Remove ``from_logits=True`` from the loss's constructor, when it is
    written in the compile (``loss=...(from_logits=True)``) and every
    output it trains (in every model this code makes) applies a
    probability activation: dropping it then helps each and harms none.
    Not for a model a builder's call makes: the builder's other calls share
    the code."""
    if model.via is not None:
        return None
    for each in file.models:
        for output, _, other in trained_pairs(each):
            if other.span == loss.span and (
                output.activation is None or output.activation.name not in PROBABILITY_ACTIVATIONS
            ):
                return None
    return argument_fix(loss.span, "from_logits", "True", None, safe=False)
