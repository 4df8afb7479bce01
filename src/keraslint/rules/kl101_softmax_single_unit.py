from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic, Replacement, Span
from keraslint.knowledge.activations import SOFTMAX
from keraslint.knowledge.losses import BINARY_LOSSES, MULTICLASS_LOSSES
from keraslint.model.types import Activation, FileModel
from keraslint.rules._suggest import replace_literal
from keraslint.rules.base import Invalid, Rule, library_activation, targets_of, trace_of, trained_pairs

# How many of the losses a model trains with a message names.
_LISTED = 3


class SoftmaxSingleUnit(Rule):
    """
    ## What it does
    Checks for a `softmax` activation over a layer with a single unit: a
    `Dense(1)`, or a convolution with one filter (`Conv2D(1, 1)`, a
    segmentation head) when channels are last, as they are by default.

    ## Why is this bad?
    Softmax normalises the outputs so that they sum to 1 over the last axis.
    With one unit, that single output is always exactly 1.0, whatever the
    input and whatever the weights: the model predicts the same thing for
    every sample, its gradient is zero and it learns nothing, with any loss.
    Keras 3 only prints a run-time warning.

    ## Example
    ```python
    model = keras.Sequential([
        layers.Dense(32, activation="relu"),
        layers.Dense(1, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    ```

    Use instead:
    ```python
    model = keras.Sequential([
        layers.Dense(32, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    ```

    ## Fix safety
    When the model is trained with a binary loss (`binary_crossentropy`,
    binary focal), replacing `"softmax"` by `"sigmoid"` is safe: that is the
    binary classifier the loss expects. Without such a loss the same
    replacement is unsafe (`--unsafe-fixes`): the problem may be multi-class
    and need one unit per class instead.

    ## References
    - keras/src/activations/activations.py (`softmax`) and
      keras/src/ops/nn.py (the warning for a softmax over an axis of size 1)
    - https://keras.io/api/layers/activations/
    """

    CODE = "KL101"
    NAME = "softmax-single-unit"
    SUMMARY = "`softmax` on a 1-unit output always outputs 1.0"
    VALID = (
        """\
from tensorflow import keras
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
""",
        """\
from tensorflow import keras
from tensorflow.keras import layers
inputs = keras.Input(shape=(128, 128, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
classes = layers.Conv2D(4, 1, activation="softmax")(x)
binary = layers.Conv2D(1, 1, activation="sigmoid")(x)
""",
        """\
from tensorflow import keras
keras.backend.set_image_data_format("channels_first")
inputs = keras.Input(shape=(3, 64, 64))
weights = keras.layers.Conv2D(1, 1, activation="softmax")(inputs)
""",
        """\
from keras import layers
import keras
inputs = keras.Input(shape=(8, 4))
scores = layers.Dense(1)(inputs)
flat = layers.Flatten()(scores)
weights = layers.Softmax()(flat)
model = keras.Model(inputs, weights)
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(2, activation="softmax")])
model.compile("adam", "sparse_categorical_crossentropy")
""",
    )
    FIX = "sometimes"
    INVALID = (
        Invalid(
            """\
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
model = Sequential()
model.add(Dense(16, activation="relu"))
model.add(Dense(1, activation="softmax"))  # expect: KL101
model.compile(optimizer="adam", loss="binary_crossentropy")
""",
            fixed="""\
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
model = Sequential()
model.add(Dense(16, activation="relu"))
model.add(Dense(1, activation="sigmoid"))  # expect: KL101
model.compile(optimizer="adam", loss="binary_crossentropy")
""",
        ),
        Invalid(
            """\
import keras
head = keras.layers.Dense(1, activation='softmax')  # expect: KL101
""",
            fixed="""\
import keras
head = keras.layers.Dense(1, activation='sigmoid')  # expect: KL101
""",
            unsafe=True,
        ),
        """\
import tensorflow as tf
N = 1
inputs = tf.keras.Input(shape=(4,))
x = tf.keras.layers.Dense(N)(inputs)
outputs = tf.keras.layers.Activation(tf.nn.softmax)(x)  # expect: KL101
model = tf.keras.Model(inputs=inputs, outputs=outputs)
""",
        """\
from tensorflow import keras
from tensorflow.keras import layers
inputs = keras.Input(shape=(128, 128, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
mask = layers.Conv2D(1, 1, activation="softmax")(x)  # expect: KL101
unet = keras.Model(inputs, mask)
unet.compile(optimizer="adam", loss="binary_crossentropy")
""",
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        reported: set[Span] = set()
        for model in file.models:
            for output in model.outputs:
                if output is None or output.units != 1 or output.activation is None:
                    continue
                if output.activation.name != SOFTMAX or output.activation.span in reported:
                    continue
                losses = [loss for trained, _, loss in trained_pairs(model) if trained is output]
                context = ", ".join(f"`{loss.source}` at {file.where(loss.span)}" for loss in losses[:_LISTED])
                if len(losses) > _LISTED:
                    # A model compiled thousands of times: a line, not a page.
                    context += f" and {len(losses) - _LISTED:,} more"
                # With a binary loss the user meant a binary classifier:
                # sigmoid is the fix. Otherwise it is only a guess.
                safe = bool(losses) and all(loss.name in BINARY_LOSSES for loss in losses)
                reported.add(output.activation.span)
                related = tuple((loss.span, f"the loss `{loss.source}`") for loss in losses[:_LISTED])
                classes = max(
                    (
                        t.classes or 0
                        for o, c, _ in trained_pairs(model)
                        if o is output
                        for t in targets_of(model, c, o)
                    ),
                    default=0,
                )
                multiclass_loss = bool(losses) and all(loss.name in MULTICLASS_LOSSES for loss in losses)
                yield self._report(
                    output.activation,
                    f" (loss {context})" if context else "",
                    safe,
                    related=related,
                    classes=classes,
                    multiclass_loss=multiclass_loss,
                    trace=trace_of(output, output.activation, *losses),
                    subject=(output.span, None),
                    library=library_activation(output, "sigmoid"),
                )
        for activation in file.single_unit_softmax:
            if activation.span not in reported:
                reported.add(activation.span)
                # Not known to be the output (an attention score, a layer
                # of a model built elsewhere): say what is certain.
                yield self._report(activation, "", safe=False, output=False)

    def _report(
        self,
        activation: Activation,
        context: str,
        safe: bool,
        output: bool = True,
        related: tuple[tuple[Span, str], ...] = (),
        classes: int = 0,
        multiclass_loss: bool = False,
        trace: tuple[tuple[Span, str], ...] = (),
        subject: tuple[Span, Span | None] | None = None,
        library: str | None = None,
    ) -> Diagnostic:
        fixed = replace_literal(activation.source, "softmax", "sigmoid") if _is_string(activation.source) else None
        effect = "so the model learns nothing" if output else "a constant that carries no information"
        return self.diagnostic(
            activation.span,
            f"`softmax` over a single unit always outputs 1.0, {effect}{context}",
            # With more than two classes in the targets, sigmoid is no fix:
            # the hint agrees with KL103's and KL204's then.
            f"the targets have {classes} classes: give the output {classes} units"
            if classes > 2
            # A multi-class loss stays constant on one sigmoid unit (KL103).
            else "use a 1-unit `sigmoid` output with `binary_crossentropy`, or one unit per class with `softmax`"
            if multiclass_loss
            else f"{library} for a binary output, or one unit per class with `softmax`"
            if library
            else "use `sigmoid` for a binary output, or one unit per class with `softmax`",
            Replacement(activation.span, fixed, safe) if fixed else None,
            related,
            trace=trace,
            subject=subject,
        )


def _is_string(source: str) -> bool:
    return source[-1:] in ("'", '"') and source.strip("'\"").lower() == "softmax"
