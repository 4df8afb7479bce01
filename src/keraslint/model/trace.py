"""Why a value is what it is: the steps from where the code wrote it to
where Keras reads it (issue 13's trace).

Nothing is recorded while the file is analysed. A model part that a finding
may rest on (an output's unit count, an activation, a loss, targets) keeps
a ``Why``: the expression Keras reads and the scope it is read in. Only
when a rule builds a finding from that part is ``Why`` called: it follows
the same bindings the value engine followed (``Scope.lookup``, parameters
bound at a builder's call, ``self.x`` assigned once), evaluates each step
with a value engine of its own, and returns the steps, origin first. A file
without findings pays one small object per model part.

A value written where Keras reads it (``Dense(4)``, ``loss="mse"``,
``fit(x, to_categorical(y))``) has an empty trace: the finding's own line
already shows it. A trace holds at most ``MAX_STEPS`` steps, each text at
most ``MAX_TEXT`` characters.
"""

from __future__ import annotations

from typing import Any, Callable

import libcst as cst

from keraslint.analysis.values import UNKNOWN, Array, Const, Sequence, Value
from keraslint.diagnostics import Span
from keraslint.model.budget import Budget, TooComplex
from keraslint.model.positions import Spans
from keraslint.model.resolve import Binding, Kind, Scope
from keraslint.model.values import Mutations, ProgramValues

Step = tuple[Span, str]

MAX_STEPS = 8
MAX_TEXT = 72
# How many names deep a trace follows a value.
MAX_DEPTH = 6
# What one trace may spend evaluating its steps: past it, steps show no value.
_TRACE_BUDGET = 20_000


class Tracer:
    """What every ``Why`` of one file needs: its tree, its spans and its scopes."""

    def __init__(self, spans: Spans, module: cst.Module) -> None:
        self.spans = spans
        self.module = module
        # The file's scopes, for a value engine of the trace's own (set by
        # ``extract`` once they are collected).
        self.program: tuple[Scope, dict[str, Any], Mutations] | None = None
        # A literal the engine wrote for a builder's parameter, by id: the
        # literal (kept alive), and the argument it stands for with the
        # scope and statement the call reads it in (``build(len(CLASSES))``).
        self.stand_ins: dict[int, tuple[cst.BaseExpression, cst.BaseExpression, Scope, int]] = {}
        # A builder's parameter bound to what one call of it gives, by the
        # binding's id: the binding (kept alive), the call, and the argument
        # with the scope and statement the call reads it in.
        self.arguments: dict[int, tuple[Binding, cst.Call, cst.BaseExpression, Scope, int]] = {}
        # A value written out by keraslint -> the user's node that holds it.
        self.written_at: dict[int, cst.BaseExpression] = {}

    def why(
        self,
        label: str,
        node: cst.BaseExpression | None,
        scope: Scope | None,
        index: int,
        goal: tuple[Span, str] | None = None,
    ) -> Why | None:
        if node is None or scope is None:
            return None
        return Why(self, label, node, scope, index, goal)


class Why:
    """The steps behind one value, worked out when called (see the module)."""

    __slots__ = ("tracer", "label", "node", "scope", "index", "goal")

    def __init__(
        self,
        tracer: Tracer,
        label: str,
        node: cst.BaseExpression,
        scope: Scope,
        index: int,
        goal: tuple[Span, str] | None,
    ) -> None:
        self.tracer = tracer
        self.label = label
        self.node = node
        self.scope = scope
        self.index = index
        # For targets: where they were made (``to_categorical(...)``) and
        # what that step says: only the names that lead there are shown.
        self.goal = goal

    def __call__(self) -> tuple[Step, ...]:
        program = self.tracer.program
        values = ProgramValues(*program, Budget(_TRACE_BUDGET)) if program is not None else None
        try:
            return _Walk(self.tracer, values).steps(self)
        finally:
            if values is not None:
                values.close()


class _Hop:
    """One name followed to the expression it was assigned."""

    __slots__ = ("node", "text", "parent")

    def __init__(self, node: cst.BaseExpression, text: str, parent: int) -> None:
        self.node = node
        self.text = text
        self.parent = parent


class _Walk:
    def __init__(self, tracer: Tracer, values: ProgramValues | None) -> None:
        self.tracer = tracer
        self.values = values

    def steps(self, why: Why) -> tuple[Step, ...]:
        hops: list[_Hop] = []
        self._follow(why.node, why.scope, why.index, -1, 0, hops, {id(why.node)})
        span = self.tracer.spans.of
        top = (span(why.node), self._text(why.label, why.node, self._value(why.node, why.scope, why.index)))
        if why.goal is not None:
            return self._to_goal(why, hops, top)
        if not hops:
            return ()
        chain = [(span(hop.node), hop.text) for hop in reversed(hops[: MAX_STEPS - 1])]
        return (*chain, top)

    def _to_goal(self, why: Why, hops: list[_Hop], top: Step) -> tuple[Step, ...]:
        """The hops from the use to the one whose expression holds the goal,
        origin first, the goal itself the first step. Nodes are compared,
        not positions: no span is filled here."""
        assert why.goal is not None
        goal, said = why.goal
        made = self.tracer.spans.node_of(goal)
        if made is None or _holds(why.node, made):
            return ()  # made where it is used, or not known where
        span = self.tracer.spans.of
        chain: list[Step] = []
        for position, hop in enumerate(hops):
            if _holds(hop.node, made):
                # The name assigned where the targets are made says so.
                chain.append((span(hop.node), f"{hop.text} ({said})"))
                position = hop.parent
                while position >= 0:
                    chain.append((span(hops[position].node), hops[position].text))
                    position = hops[position].parent
                break
        if not chain:
            chain.append((goal, said))
        return (*chain[: MAX_STEPS - 1], top)

    def _follow(
        self,
        node: cst.BaseExpression,
        scope: Scope,
        index: int,
        parent: int,
        depth: int,
        hops: list[_Hop],
        seen: set[int],
    ) -> None:
        if depth >= MAX_DEPTH:
            return
        for reference, name in _references(node):
            if len(hops) >= MAX_STEPS * 2:
                return
            found = self._binding(reference, name, scope, index)
            if found is None:
                continue
            binding, owner = found
            value_node, at = binding.value, binding.index
            value = self._value(reference, scope, index)
            argument = self.tracer.arguments.get(id(binding))
            if argument is not None:  # ``build(len(CLASSES))``: the call is the step
                _, call, value_node, owner, at = argument
                if id(value_node) in seen:
                    continue
                text = _passed(self.tracer.module, call, name, value_node, value)
            else:
                stand_in = self.tracer.stand_ins.get(id(value_node))
                if stand_in is not None:  # a default's value, read where the function is defined
                    _, value_node, owner, at = stand_in
                if value_node is None or id(value_node) in seen:
                    continue
                code = self.tracer.module.code_for_node(value_node)
                if binding.path:
                    code = f"({code})" + "".join(f"[{step}]" for step in binding.path)
                text = _text(name, code, value)
            seen.add(id(value_node))
            # A value keraslint wrote out (``build(**CONFIG)``'s entries)
            # is shown where the call wrote what holds it.
            hops.append(_Hop(self.tracer.written_at.get(id(value_node), value_node), text, parent))
            self._follow(value_node, owner, at, len(hops) - 1, depth + 1, hops, seen)

    def _binding(
        self, reference: cst.BaseExpression, name: str, scope: Scope, index: int
    ) -> tuple[Binding, Scope] | None:
        if type(reference) is cst.Attribute:  # ``self.units``
            if scope.self_attributes is None:
                return None
            binding = scope.self_attribute(name.partition(".")[2])
            if binding is None or binding.kind is not Kind.VALUE:
                return None
            return binding, binding.scope or scope
        binding = scope.lookup(name, index)
        if binding is None or binding.kind is not Kind.VALUE:
            return None
        # As the value engine reads it: a module constant read in a function
        # lives in the module's scope.
        return binding, scope if name in scope.bindings else (scope.parent or scope)

    def _value(self, node: cst.BaseExpression, scope: Scope, index: int) -> Value:
        if self.values is None:
            return UNKNOWN
        try:
            return self.values.value(node, scope, index)
        except TooComplex:
            return UNKNOWN

    def _text(self, label: str, node: cst.BaseExpression, value: Value) -> str:
        return _text(label, self.tracer.module.code_for_node(node), value)


def _text(label: str, code: str, value: Value) -> str:
    code = _short(code)
    shown = _show(value)
    if shown is None or shown == code:
        return f"{label} = {code}"
    if code == label:  # ``activation=activation``
        return f"{label} = {shown}"
    return f"{label} = {code} = {shown}"


# A call longer than this shows as ``build(...)`` in its step.
_CALL_TEXT = 40


def _passed(module: cst.Module, call: cst.Call, param: str, argument: cst.BaseExpression, value: Value) -> str:
    """The step of a builder's call giving ``param`` its value:
    ``build(len(CLASSES)) passes units = 4``."""
    # Written anew, not copied: a scikit-learn wrapper's call of its builder
    # (``KerasClassifier(model=build, model__units=1)``) is one keraslint
    # made, without the spacing of the user's code.
    args = ", ".join(
        arg.star + (f"{arg.keyword.value}=" if arg.keyword is not None else "") + _code(module, arg.value)
        for arg in call.args
    )
    code = f"{_code(module, call.func)}({args})"
    if len(code) > _CALL_TEXT:
        code = f"{_short(module.code_for_node(call.func))}(...)"
    shown = _show(value) or _short(module.code_for_node(argument))
    return f"{code} passes {param} = {shown}"


def _code(module: cst.Module, node: cst.CSTNode) -> str:
    return " ".join(module.code_for_node(node).split())


def _short(code: str) -> str:
    """``code`` on one line, at most ``MAX_TEXT`` characters."""
    text = " ".join(code.split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 3] + "..."


def _show(value: Value) -> str | None:
    """A value as the user would write it; None when it says nothing."""
    if isinstance(value, Const):
        if isinstance(value.value, str) and '"' not in value.value and "\\" not in value.value:
            return _short(f'"{value.value}"')
        return _short(repr(value.value))
    if isinstance(value, Array) and value.shape is not None:
        sizes = ", ".join(str(size.value) if isinstance(size, Const) else "?" for size in value.shape)
        return f"an array of shape ({sizes}{',' if len(value.shape) == 1 else ''})"
    if isinstance(value, Sequence) and not value.open and len(value.items) <= 12:
        items = [_show(item) if isinstance(item, Const) else None for item in value.items]
        if all(item is not None for item in items):
            inside = ", ".join(items)  # type: ignore[arg-type]
            if value.kind == "tuple":
                return _short(f"({inside}{',' if len(items) == 1 else ''})")
            return _short(f"{{{inside}}}" if value.kind == "set" else f"[{inside}]")
    return None


def _holds(node: cst.CSTNode, part: cst.CSTNode) -> bool:
    """Whether ``part`` is ``node`` or within it."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current is part:
            return True
        stack.extend(current.children)
    return False


_SCOPED = (cst.Lambda, cst.FunctionDef, cst.ClassDef)
_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp)


def _references(node: cst.BaseExpression) -> list[tuple[cst.BaseExpression, str]]:
    """The names an expression reads, in source order, each once: plain
    names and ``self.x`` (not attribute names, keywords, lambda bodies or
    the names a comprehension binds)."""
    found: list[tuple[cst.BaseExpression, str]] = []
    names: set[str] = set()
    bound: set[str] = set()
    stack: list[cst.CSTNode] = [node]
    while stack:
        part = stack.pop()
        kind = type(part)
        if kind is cst.Name:
            name = part.value  # type: ignore[attr-defined]
            if name not in names and name not in ("True", "False", "None", "self"):
                names.add(name)
                found.append((part, name))  # type: ignore[arg-type]
            continue
        if kind is cst.Attribute:
            owner = part.value  # type: ignore[attr-defined]
            if type(owner) is cst.Name and owner.value == "self":
                name = f"self.{part.attr.value}"  # type: ignore[attr-defined]
                if name not in names:
                    names.add(name)
                    found.append((part, name))  # type: ignore[arg-type]
                continue
            stack.append(owner)
            continue
        if kind is cst.Arg:
            stack.append(part.value)  # type: ignore[attr-defined]
            continue
        if isinstance(part, _SCOPED):
            continue
        if kind is cst.CompFor:
            bound.update(name.value for name in _plain_names(part.target))  # type: ignore[attr-defined]
        stack.extend(reversed(part.children))
    return [(reference, name) for reference, name in found if name not in bound]


def _plain_names(target: cst.CSTNode) -> list[cst.Name]:
    if type(target) is cst.Name:
        return [target]  # type: ignore[list-item]
    found: list[cst.Name] = []
    for child in target.children:
        found.extend(_plain_names(child))
    return found


Trace = Callable[[], tuple[Step, ...]]
