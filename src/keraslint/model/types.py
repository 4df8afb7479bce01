"""The semantic model of one file: what rules read instead of the CST."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Callable

from keraslint.diagnostics import Span

# The steps behind a value, worked out when called (``model/trace.py``).
Trace = Callable[[], tuple[tuple[Span, str], ...]]


@dataclass(frozen=True)
class Activation:
    """An activation as the user wrote it. ``name`` is canonical, None if unknown."""

    name: str | None
    span: Span
    source: str
    # The string literal the name is written in, where it is written (in
    # the layer call, or in a constant or config it reads): what a fix
    # replaces. None when it is not one certain literal.
    literal: StringRef | None = field(default=None, compare=False)
    trace: Trace | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class LibraryHead:
    """An output a library model's constructor builds
    (``knowledge/library_models.py``): the call as the user names it
    (``ImageClassifier.from_preset``) and the argument that sets the
    head's activation, None when the library fixes it. A hint names
    them: there is no ``Dense`` to edit."""

    callee: str
    activation: str | None


@dataclass(frozen=True)
class OutputLayer:
    """The layer that produces a model's output.

    ``units`` is None when it cannot be known (a shape-changing layer sits
    between the ``Dense`` and the activation that follows it).
    ``activation`` is None when the activation cannot be resolved.
    """

    kind: str
    units: int | None
    activation: Activation | None
    span: Span
    # Where the unit count is written (``Dense(10, ...)``'s ``10``).
    units_span: Span | None = None
    # The unit count is an integer literal written in the layer's call
    # itself (what a fix may change), not a name or an expression.
    units_written: bool = field(default=False, compare=False)
    # The output's name: the last layer's ``name=``, or its key in a dict
    # of outputs. A dict of losses is matched against it.
    name: str | None = None
    # Given in a dict of outputs (``Model(x, {"a": a})``): Keras orders such
    # outputs by key, so a list of losses or targets is not paired by the
    # dict's order.
    keyed: bool = False
    # Why ``units`` is what it is.
    units_trace: Trace | None = field(default=None, compare=False, repr=False)
    # Built by a library model's constructor, not written as a layer.
    library: LibraryHead | None = None


@dataclass(frozen=True)
class Loss:
    """A loss given to ``compile``. ``name`` is canonical, None if unknown.

    ``from_logits`` is None when it was given but cannot be resolved.
    ``source`` is the loss as written: the string's value, or the code.
    """

    name: str | None
    from_logits: bool | None
    span: Span
    source: str
    # The string literal the loss is written in, where it is written (in
    # the compile call, or in a constant or config it reads): what a fix
    # replaces. None for a loss object or a name not known as one literal.
    literal: StringRef | None = field(default=None, compare=False)
    trace: Trace | None = field(default=None, compare=False, repr=False)


class Encoding(Enum):
    ONE_HOT = "one-hot"
    # LabelBinarizer: one-hot rows for 3+ classes, one 0/1 column for 2.
    ONE_HOT_UNLESS_BINARY = "one-hot (3+ classes)"
    INTEGER = "integer labels"
    # ``flow_from_directory(class_mode="binary")``: class indices, one per
    # sample (a 0/1 column for two classes, the mode's intended use).
    INTEGER_OR_BINARY = "integer labels (0/1 with two classes)"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Target:
    """Targets given to ``fit`` (``y`` or ``validation_data``), as far as known.

    ``producer`` names what made them (``to_categorical``,
    ``mnist.load_data``...) at ``producer_span``; ``classes`` is their class
    count when it is known; ``dataset`` names a Keras regression dataset
    whose raw targets they are.
    """

    span: Span
    source: str
    encoding: Encoding = Encoding.UNKNOWN
    producer: str | None = None
    producer_span: Span | None = None
    classes: int | None = None
    standardised: bool = False
    dataset: str | None = None
    # ``classes`` is the largest label + 1 of a few labels written out: the
    # model may well be for more classes than those.
    classes_at_least: bool = False
    trace: Trace | None = field(default=None, compare=False, repr=False)
    # One value per sample (a 1-d array, a DataFrame column), whatever the
    # values are (``encoding`` says what is known of them).
    one_per_sample: bool = False
    # Numbers written out, one of them not whole: real values, no labels.
    fractional: bool = False


@dataclass(frozen=True)
class Compile:
    """A ``compile`` in effect when the model trains.

    ``losses`` holds the loss of each output, by the output's position: the
    one loss given for all of them, or the entry of a list or dict of losses
    that belongs to it (None where that is not known).
    """

    losses: tuple[Loss | None, ...]
    span: Span
    # The targets ``fit`` trains a single-output model on.
    fit_targets: tuple[Target, ...] = ()
    # A multi-output model's targets, per output: ``fit(x, [y_a, y_b])`` by
    # position, ``fit(x, {"a": y_a})`` by output name.
    head_targets: tuple[tuple[Target, ...], ...] = ()
    # The metrics given by name (``metrics=["accuracy"]``), as written.
    metrics: tuple[StringRef, ...] = ()
    # Not the user's: the compile a library model made while it was built
    # (``knowledge/library_models.py`` ``DEFAULT_COMPILE_LOSS``), by the
    # call that built it (``BertTextClassifier.from_preset``).
    default_of: str | None = None


@dataclass(frozen=True)
class KerasModel:
    """One Keras model: its outputs and the compiles in effect for training."""

    name: str
    outputs: tuple[OutputLayer | None, ...]
    compiles: tuple[Compile, ...]
    span: Span
    # A builder's model as one call makes it (``build_model(1)``): the
    # call, and its source. Its findings depend on that call's arguments.
    via: Span | None = None
    via_source: str = ""

    @property
    def output(self) -> OutputLayer | None:
        """The output of a single-output model."""
        return self.outputs[0] if len(self.outputs) == 1 else None


@dataclass(frozen=True)
class StringRef:
    """A loss or activation string literal handed to Keras, and the literal
    as written (quotes and prefix included)."""

    value: str
    span: Span
    literal: str = ""


@dataclass(frozen=True)
class FileModel:
    models: tuple[KerasModel, ...] = ()
    loss_strings: tuple[StringRef, ...] = ()
    # Keras loss functions named in code, not as strings: an attribute given
    # as the loss (``keras.losses.logcosh``) or a name imported from
    # ``keras.losses``; ``value`` is the function's name.
    loss_names: tuple[StringRef, ...] = ()
    activation_strings: tuple[StringRef, ...] = ()
    # Dense layers anywhere in the file with one unit and a softmax activation.
    single_unit_softmax: tuple[Activation, ...] = ()
    registers_custom_objects: bool = False
    # The file uses APIs only Keras 3 has (``keras.ops``, ``KERAS_BACKEND``):
    # names only tf.keras 2.x accepted are errors here.
    targets_keras3: bool = False
    # The Keras major version the file is linted for: "2", "3", or None
    # when neither the settings, the project's files nor the file says.
    keras_version: str | None = None
    # How a line is named in messages: "line 12", or "cell 3, line 2".
    describe_line: Callable[[int], str] = field(default=lambda line: f"line {line}", compare=False)

    def where(self, span: Span | int) -> str:
        """Name the line of ``span`` (or a line number) the way the user sees it."""
        return self.describe_line(span if isinstance(span, int) else span.start.line)
