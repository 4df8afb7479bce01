"""What the readers of a file's model (targets, custom training loops) need
from the extractor that drives them, and the records they share with it.

``model/extract.py`` builds the model and hands itself to
:class:`~keraslint.model.targets.TargetReader` and
:func:`~keraslint.model.loops.loop_losses`; they see it only through
:class:`Program`, so neither imports ``extract`` (no import cycle, even
for type checking).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import libcst as cst

from keraslint.analysis.values import Value
from keraslint.diagnostics import Span
from keraslint.model.budget import Budget
from keraslint.model.resolve import Binding, Scope
from keraslint.model.trace import Why
from keraslint.model.types import Loss
from keraslint.model.values import ProgramValues


@dataclass(frozen=True)
class Event:
    """A method call on a name: ``model.compile(...)``."""

    index: int
    certain: bool
    scope: Scope
    receiver: str
    method: str
    call: cst.Call
    # Made directly in the body of a ``for`` that itself surely runs (not
    # under a branch in it): the loop statement and its index.
    loop: tuple[cst.For, int] | None = None
    # Made directly in one side of an ``if``/``else`` that sits directly in
    # the body of such a loop: the ``if``, the side (0 body, 1 ``else``)
    # and the loop.
    branch: tuple[cst.If, int, tuple[cst.For, int]] | None = None
    # Inside a lambda, a comprehension or a conditional expression of its
    # statement: made zero or more times, or later, whatever the blocks.
    inline: bool = False


@dataclass(frozen=True)
class Signature:
    """A module function's parameters: positional ones in order, keyword-only
    ones, and each default (evaluated in the module at the ``def``)."""

    positional: tuple[str, ...]
    keyword_only: tuple[str, ...]
    positional_only: int
    defaults: dict[str, cst.BaseExpression]
    index: int


@dataclass(frozen=True)
class LayerStep:
    """One step of a model's layer chain, as far as it is known."""

    kind: str  # a Keras layer class name, "Input", or "?" for unknown
    call: cst.Call | None
    scope: Scope | None = None
    index: int = 0
    # A ``Sequential`` named where it is nested (``Sequential([encoder,
    # decoder])``): its layers as grown by ``add`` up to there; None when
    # only its constructor call is read.
    layers: tuple[LayerStep, ...] | None = None


@dataclass
class ListHistory:
    """A list bound to ``literal`` and what its body does to it afterwards:
    the statements where it changes other than by ``append``/``extend``
    (``bad``) or is aliased, in order, and those calls with the layers each
    adds (filled in as reads need them)."""

    literal: cst.List
    binding: Binding  # kept alive with the id that keys this history
    owner: Scope
    changed: bool = False
    bad: list[int] = field(default_factory=list)
    aliases: list[int] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    indices: list[int] = field(default_factory=list)
    added: list[list[LayerStep]] = field(default_factory=list)


class Program(Protocol):
    """The file as the extractor evaluates it: values, names and positions."""

    module: cst.Module
    budget: Budget
    functions: dict[str, Scope]
    signatures: dict[str, Signature]
    values: ProgramValues | None

    def span(self, node: cst.CSTNode) -> Span: ...

    def source(self, node: cst.CSTNode) -> str: ...

    def why(
        self,
        label: str,
        node: cst.BaseExpression | None,
        scope: Scope | None,
        index: int,
        goal: tuple[Span, str] | None = None,
    ) -> Why | None: ...

    def value(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> Value: ...

    def int_value(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> int | None: ...

    def bool_value(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> bool | None: ...

    def qualname(self, node: cst.BaseExpression, scope: Scope, index: int) -> str | None: ...

    def resolve_value(
        self, node: cst.BaseExpression | None, scope: Scope, index: int
    ) -> tuple[cst.BaseExpression | None, Scope, int]: ...

    def list_history(self, name: str, binding: Binding, owner: Scope) -> ListHistory | None: ...

    def loss(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> Loss | None: ...
