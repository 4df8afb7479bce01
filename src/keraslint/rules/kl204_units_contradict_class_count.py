from __future__ import annotations

from typing import Iterator

from keraslint.diagnostics import Diagnostic, Replacement
from keraslint.knowledge.activations import LINEAR, SOFTMAX
from keraslint.knowledge.losses import MULTICLASS_LOSSES
from keraslint.model.types import FileModel, KerasModel, OutputLayer
from keraslint.rules.base import Invalid, Rule, targets_of, trace_of, trained_pairs


class UnitsContradictClassCount(Rule):
    """
    ## What it does
    Checks for a softmax output (or a linear one whose loss is given
    `from_logits=True`: the logits of a softmax) whose number of units
    differs from the number of classes the targets are known to have: `to_categorical(y, N)`, or the
    labels of a Keras dataset with a fixed class count (MNIST, Fashion-MNIST
    and CIFAR-10: 10; CIFAR-100: 100, or 20 with `label_mode="coarse"`;
    Reuters: 46).

    ## Why is this bad?
    With fewer units than classes, some labels have no output at all (sparse
    crossentropy fails or reads out of range); with more, probability mass
    goes to classes that never occur. Either way the model cannot match its
    targets.

    ## Example
    ```python
    (x_train, y_train), _ = keras.datasets.cifar100.load_data()
    model.add(layers.Dense(10, activation="softmax"))
    model.compile(loss="sparse_categorical_crossentropy")
    model.fit(x_train, y_train)
    ```

    Use instead:
    ```python
    (x_train, y_train), _ = keras.datasets.cifar100.load_data()
    model.add(layers.Dense(100, activation="softmax"))
    model.compile(loss="sparse_categorical_crossentropy")
    model.fit(x_train, y_train)
    ```

    ## Fix safety
    Where the unit count is an integer written in the output layer's own
    call (and no builder function makes the model), the fix writes the
    class count there. It is unsafe (`--unsafe-fixes`): the targets may be
    what is wrong (a `num_classes` given to `to_categorical` by mistake).

    ## References
    - keras/src/datasets/cifar100.py, mnist.py, reuters.py (`load_data`)
    - keras/src/utils/numerical_utils.py (`to_categorical`)
    """

    CODE = "KL204"
    NAME = "units-contradict-class-count"
    SUMMARY = "output units differ from the known number of classes"
    VALID = (
        """\
import keras
(x, y), _ = keras.datasets.cifar100.load_data(label_mode="coarse")
model = keras.Sequential([keras.layers.Dense(20, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy")
model.fit(x, y)
""",
        """\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
y = (y == 0).astype("int32")
model = keras.Sequential([keras.layers.Dense(2, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy")
model.fit(x, y)
""",
        """\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Dense(10)])
model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(x, y)
""",
        """\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy")
model.fit([[0, 1], [1, 1], [1, 0]], [1, 2, 3])
""",
    )
    FIX = "unsafe"
    INVALID = (
        Invalid(
            """\
import keras
(x, y), _ = keras.datasets.cifar100.load_data()
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])  # expect: KL204
model.compile(loss="sparse_categorical_crossentropy")
model.fit(x, y)
""",
            fixed="""\
import keras
(x, y), _ = keras.datasets.cifar100.load_data()
model = keras.Sequential([keras.layers.Dense(100, activation="softmax")])  # expect: KL204
model.compile(loss="sparse_categorical_crossentropy")
model.fit(x, y)
""",
            unsafe=True,
        ),
        """\
from tensorflow import keras
NUM_CLASSES = 5
y_train = keras.utils.to_categorical(labels, num_classes=NUM_CLASSES)
model = keras.Sequential([
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(4, activation="softmax"),  # expect: KL204
])
model.compile(loss="categorical_crossentropy")
model.fit(x_train, y_train)
""",
        """\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Dense(5)])  # expect: KL204
model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(x, y)
""",
    )

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        for model in file.models:
            for output, compile_, loss in trained_pairs(model):
                if output.units is None or output.activation is None:
                    continue
                # A linear head trained ``from_logits=True`` has its softmax
                # in the loss (keras/src/losses/losses.py applies it to
                # ``y_pred`` there): one unit per class all the same.
                logits = output.activation.name == LINEAR and loss.from_logits is True
                if output.activation.name != SOFTMAX and not logits or output.kind != "Dense":
                    continue
                if loss.name not in MULTICLASS_LOSSES:
                    continue
                counts = {t.classes: t for t in targets_of(model, compile_, output) if t.classes is not None}
                if len(counts) != 1:
                    continue
                ((classes, target),) = counts.items()
                # Labels written out show the classes there are at least: a
                # label past the last unit is a mistake, fewer are not.
                if classes != output.units and not (target.classes_at_least and classes < output.units):
                    yield self.diagnostic(
                        output.units_span or output.span,
                        f"the output has {output.units} {'unit' if output.units == 1 else 'units'} "
                        f"but the targets have {classes} classes "
                        f"(`{target.producer}` at {file.where(target.producer_span or target.span)})",
                        f"give the output layer {classes} units",
                        _units_fix(model, output, classes, target.classes_at_least),
                        related=((target.producer_span or target.span, f"{classes} classes from `{target.producer}`"),),
                        trace=trace_of(output, target),
                        subject=(output.span, compile_.span),
                    )
                    break


def _units_fix(model: KerasModel, output: OutputLayer, classes: int, at_least: bool) -> Replacement | None:
    """The unit count written as the class count, where it is an integer
    literal in the layer's own call, in a model no builder makes (its other
    calls share the code), and the count is exact. Unsafe: the targets may
    be what is wrong (a wrong ``num_classes`` given to ``to_categorical``)."""
    if not output.units_written or output.units_span is None or model.via is not None or at_least:
        return None
    return Replacement(output.units_span, str(classes), False)
