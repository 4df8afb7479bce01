"""Whether ``self.<attr>`` holds one model through a method, like a local name.

``self.model = build(n)`` then ``self.model.compile(...)`` and
``self.model.fit(...)`` in the same method read like a local ``model``:
the compile in effect when ``fit`` runs is the last one before it. That is
certain only when nothing else can reach the object or rebind the
attribute meanwhile: a call made between them (``self.reset()``, a helper
given ``self``) could otherwise compile it again or replace it.

So the attribute counts as held when every use of an attribute of that
name anywhere in the file is one of

- in the method itself, ``self.<attr> = ...`` or ``self.<attr>.<m>(...)``
  (those are the bindings and method calls the engine follows);
- anywhere else, ``<x>.<attr>.<m>(...)`` with a method ``m`` that neither
  compiles the model nor changes its layers or weights (``fit``,
  ``predict``...), whoever ``x`` is.

Any other use (another method's compile, ``return self.model``, a helper
given ``self.model``, ``self.model.layers[-1].activation = ...``) leaves
it unknown. The check is by attribute name, so a second class using the
same name in another way makes both unknown: conservative, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from keraslint.model.walk import walk

# Model methods that neither compile a model nor change its layers or
# weights (keras/src/trainers/trainer.py, keras/src/models/model.py).
# Training methods train with the compile already in effect.
_READ_ONLY_METHODS = frozenset(
    {
        "fit",
        "fit_generator",
        "train_on_batch",
        "predict",
        "predict_on_batch",
        "predict_generator",
        "evaluate",
        "evaluate_generator",
        "test_on_batch",
        "summary",
        "save",
        "save_weights",
        "count_params",
        "to_json",
        "get_config",
    }
)


@dataclass(frozen=True)
class _Use:
    """One ``<x>.<attr>`` in the file."""

    # The function or lambda directly around it (None at module level).
    function: cst.CSTNode | None
    on_self: bool
    # Assigned to (``self.<attr> = ...``).
    target: bool
    # The method called on it (``<x>.<attr>.<m>(...)``), if any.
    receiver: str | None


class Uses:
    """Every attribute use of a file, by attribute name, from one walk of
    its tree (made when first asked), and the functions that call a method
    of their own object (``self.prepare()``)."""

    def __init__(self, module: cst.Module) -> None:
        self.module: cst.Module | None = module
        self._by_attr: dict[str, list[_Use]] | None = None
        self._own_calls: set[int] = set()

    def of(self, attr: str) -> list[_Use]:
        if self._by_attr is None:
            visitor = _Collect()
            walk(self.module, visitor)  # type: ignore[arg-type]
            self._by_attr, self._own_calls = visitor.uses, visitor.own_calls
            self.module = None
        return self._by_attr.get(attr, [])

    def calls_own_method(self, function: cst.CSTNode) -> bool:
        return id(function) in self._own_calls


class _Collect(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.uses: dict[str, list[_Use]] = {}
        self.own_calls: set[int] = set()
        # The functions around the walk, innermost last.
        self._functions: list[cst.CSTNode] = []
        self._targets: set[int] = set()
        self._receivers: dict[int, str] = {}

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.append(node)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._functions.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self._functions.append(node)

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self._functions.pop()

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._targets.add(id(node.target))

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        own = type(func) is cst.Attribute and type(func.value) is cst.Name and func.value.value == "self"
        if own and self._functions:
            self.own_calls.add(id(self._functions[-1]))
        if type(func) is cst.Attribute and type(func.value) is cst.Attribute:
            self._receivers[id(func.value)] = func.attr.value

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.uses.setdefault(node.attr.value, []).append(
            _Use(
                self._functions[-1] if self._functions else None,
                type(node.value) is cst.Name and node.value.value == "self",
                id(node) in self._targets,
                self._receivers.get(id(node)),
            )
        )


def held_in(uses: Uses, method: cst.FunctionDef, attr: str) -> bool:
    """Whether ``self.<attr>`` in ``method`` is used like a local name
    (see the module's docstring)."""
    for use in uses.of(attr):
        if use.function is method and use.on_self and (use.target or use.receiver is not None):
            continue
        if use.receiver in _READ_ONLY_METHODS:
            continue
        return False
    return True


def held_from_init(uses: Uses, owner: cst.ClassDef, init: cst.FunctionDef, attr: str) -> tuple[bool, str | None]:
    """Whether ``self.<attr>``, assigned in ``init`` (a class's
    ``__init__``), holds that one model in every method of ``owner``, and the
    one other method that may compile it or change its layers, if any (by
    name). Every use of an attribute of that name in the file must be

    - ``self.<attr> = ...`` in ``init``;
    - ``self.<attr>.<m>(...)`` directly in a method of ``owner``: any method
      ``m`` in ``init`` and in one other method, the read-only ones
      (``fit``, ``predict``...) in the rest;
    - anywhere else, ``<x>.<attr>.<m>(...)`` with a read-only method ``m``.

    ``__init__`` runs before any other method of the instance, so the
    model bound there is the one the methods see, and its compiles there
    come first; the other method's calls keep their order."""
    methods = {
        id(statement): statement.name.value for statement in owner.body.body if isinstance(statement, cst.FunctionDef)
    }
    changer: str | None = None
    for use in uses.of(attr):
        if not (use.on_self and (use.target or use.receiver is not None)):
            if use.receiver not in _READ_ONLY_METHODS:
                return False, None
            continue
        in_init = use.function is init
        if use.target and not in_init:
            return False, None
        if use.function is None or methods.get(id(use.function)) is None:
            return False, None
        if in_init or use.receiver in _READ_ONLY_METHODS:
            continue
        name = methods[id(use.function)]
        if changer is not None and changer != name:
            return False, None
        changer = name
    if changer is not None and uses.calls_own_method(init):
        # ``__init__`` may run that method (directly or not) before its own
        # later calls on the model: their order is not known.
        return False, None
    return True, changer
