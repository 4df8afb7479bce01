"""What every rule is: a code, a name, documentation, examples, a check."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import ClassVar, Iterator

from keraslint.diagnostics import Diagnostic, Replacement, Span
from keraslint.knowledge.losses import CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY
from keraslint.model.types import Activation, Compile, Encoding, FileModel, KerasModel, Loss, OutputLayer, Target


@dataclass(frozen=True)
class Invalid:
    """An INVALID example whose fix is known: ``fixed`` is the code after
    ``--fix`` (safe fixes) or, with ``unsafe=True``, ``--unsafe-fixes``."""

    code: str
    fixed: str
    unsafe: bool = False

    def __str__(self) -> str:
        return self.code


class Rule:
    """A rule reads the ``FileModel`` and yields diagnostics; nothing else.

    The class docstring is the rule's documentation, in ruff's sections.
    ``VALID`` examples must give no diagnostic from this rule; each
    ``INVALID`` example marks every line the rule must report with a
    trailing ``# expect: KLxxx`` comment. The test suite runs both.
    """

    CODE: ClassVar[str]
    NAME: ClassVar[str]
    SUMMARY: ClassVar[str]
    VALID: ClassVar[tuple[str, ...]]
    INVALID: ClassVar[tuple[str | Invalid, ...]]
    # Whether the rule offers a fix: "none", "safe", "unsafe" or "sometimes".
    FIX: ClassVar[str] = "none"

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def diagnostic(
        self,
        span: Span,
        message: str,
        hint: str | None = None,
        fix: Replacement | None = None,
        related: tuple[tuple[Span, str], ...] = (),
        trace: tuple[tuple[Span, str], ...] = (),
        subject: tuple[Span, Span | None] | None = None,
    ) -> Diagnostic:
        return Diagnostic(self.CODE, span, message, hint, fix, related, trace=_tidy(trace, span), subject=subject)

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")


# A finding's trace shows at most this many steps (the pieces' own traces
# are bounded by ``model/trace.py``).
MAX_TRACE = 16


def trace_of(*parts: OutputLayer | Activation | Loss | Target | None) -> tuple[tuple[Span, str], ...]:
    """How keraslint knows what a finding rests on: the traces of its parts
    (an output's unit count, an activation, a loss, targets), in the order
    given, each step once. Worked out here, when a rule reports."""
    steps: dict[tuple[Span, str], None] = {}
    for part in parts:
        trace = part.units_trace if isinstance(part, OutputLayer) else part.trace if part is not None else None
        if trace is not None:
            steps.update(dict.fromkeys(trace()))
    return tuple(steps)[:MAX_TRACE]


def _tidy(trace: tuple[tuple[Span, str], ...], span: Span) -> tuple[tuple[Span, str], ...]:
    """A finding's trace without the steps that repeat it: one at the
    finding's own place (its line is shown already), or one saying what
    the step before it says (``activation = "softmax"`` as the default,
    then as the read of the parameter): the first, nearer the origin, stays."""
    kept: list[tuple[Span, str]] = []
    for step, text in trace:
        if step == span or (kept and kept[-1][1] == text):
            continue
        kept.append((step, text))
    return tuple(kept)


def trained_pairs(model: KerasModel) -> Iterator[tuple[OutputLayer, Compile, Loss]]:
    """Each output with the loss it trains with, for every compile in
    effect, where both are known (a multi-output model gives one pair per
    head)."""
    for compile_ in model.compiles:
        for output, loss in zip(model.outputs, compile_.losses):
            if output is not None and loss is not None and loss.name is not None:
                yield output, compile_, loss


def trained_losses(model: KerasModel) -> Iterator[tuple[OutputLayer | None, Compile, Loss, tuple[Target, ...]]]:
    """Each output, known or not, with the loss it trains with and its
    targets, for every compile in effect: for rules that the loss and the
    targets decide alone (KL201, KL202), whatever the output layer is."""
    for compile_ in model.compiles:
        for position, (output, loss) in enumerate(zip(model.outputs, compile_.losses)):
            if loss is None or loss.name is None:
                continue
            if len(model.outputs) == 1:
                targets = compile_.fit_targets
            else:
                targets = compile_.head_targets[position] if position < len(compile_.head_targets) else ()
            yield output, compile_, loss, targets


def targets_of(model: KerasModel, compile_: Compile, output: OutputLayer) -> tuple[Target, ...]:
    """The targets ``fit`` gives ``output`` while ``compile_`` is in effect:
    all of them for a single-output model, the output's own for a
    multi-output one (none when ``fit`` does not write them per output)."""
    if len(model.outputs) == 1:
        return compile_.fit_targets
    for position, candidate in enumerate(model.outputs):
        if candidate is output:
            return compile_.head_targets[position] if position < len(compile_.head_targets) else ()
    return ()


def target_encodings(targets: tuple[Target, ...], units: int | None) -> set[Encoding]:
    """The encodings of the targets ``fit`` gets, ``LabelBinarizer`` rows
    read as one-hot on an output of 3+ units (they are one-hot only for 3+
    classes)."""
    encodings = {t.encoding for t in targets}
    if Encoding.ONE_HOT_UNLESS_BINARY in encodings and units is not None and units >= 3:
        encodings = (encodings - {Encoding.ONE_HOT_UNLESS_BINARY}) | {Encoding.ONE_HOT}
    return encodings


def crossentropy_for(encodings: set[Encoding]) -> str | None:
    """The crossentropy every target asks for: categorical when all are
    known one-hot, sparse when all are known integer labels; None else."""
    if encodings == {Encoding.ONE_HOT}:
        return CATEGORICAL_CROSSENTROPY
    if encodings == {Encoding.INTEGER}:
        return SPARSE_CATEGORICAL_CROSSENTROPY
    return None


def library_activation(output: OutputLayer, activation: str | None) -> str | None:
    """For an output a library model builds with an activation argument:
    how to give it ``activation`` (None: no activation), as a hint says it
    (``pass `activation="sigmoid"` to `ImageClassifier.from_preset```).
    None for any other output: the hint names the layer's activation then."""
    library = output.library
    if library is None or library.activation is None:
        return None
    value = "None" if activation is None else f'"{activation}"'
    return f"pass `{library.activation}={value}` to `{library.callee}`"


def describe_activation(activation: Activation) -> str:
    if activation.source == "":
        return "no activation (linear)"
    return f"`{activation.name}`"
