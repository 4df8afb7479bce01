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


def held_in(module: cst.Module, method: cst.FunctionDef, attr: str) -> bool:
    """Whether ``self.<attr>`` in ``method`` is used like a local name
    (see the module's docstring)."""
    uses = _Uses(method, attr)
    walk(module, uses)
    return uses.held


class _Uses(cst.CSTVisitor):
    def __init__(self, method: cst.FunctionDef, attr: str) -> None:
        super().__init__()
        self.method = method
        self.attr = attr
        self.held = True
        # The functions around the walk, innermost last.
        self._functions: list[cst.CSTNode] = []
        # Attribute nodes already accounted for: id -> in the method itself.
        self._targets: set[int] = set()
        self._receivers: dict[int, str] = {}
        # For ``held_from_init``: the uses on ``self`` outside ``method``
        # and its assignments (the function directly around them, whether
        # they are in ``method``, the method called on them if any); and
        # whether every use not on ``self`` is read-only.
        self.others: list[tuple[cst.CSTNode | None, bool, str | None]] = []
        self.held_elsewhere = True
        # ``method`` calls a method of its own object (``self.prepare()``).
        self.calls_own_method = False

    def _in_method(self) -> bool:
        return bool(self._functions) and self._functions[-1] is self.method

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
        if type(func) is cst.Attribute and type(func.value) is cst.Name and func.value.value == "self":
            self.calls_own_method = self.calls_own_method or self._in_method()
        if type(func) is cst.Attribute and type(func.value) is cst.Attribute:
            self._receivers[id(func.value)] = func.attr.value

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value != self.attr:
            return
        on_self = type(node.value) is cst.Name and node.value.value == "self"
        receiver = self._receivers.get(id(node))
        target = id(node) in self._targets
        if on_self and (target or receiver is not None):
            function = self._functions[-1] if self._functions else None
            self.others.append((function, self._in_method() and (target or receiver is not None), receiver))
            if target and not self._in_method():
                self.others.append((None, False, None))
        elif receiver not in _READ_ONLY_METHODS:
            self.held_elsewhere = False
        if self._in_method() and on_self and (target or receiver is not None):
            return
        if receiver in _READ_ONLY_METHODS:
            return
        self.held = False


def held_from_init(
    module: cst.Module, owner: cst.ClassDef, init: cst.FunctionDef, attr: str
) -> tuple[bool, str | None]:
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
    uses = _Uses(init, attr)
    walk(module, uses)
    changer: str | None = None
    for method, in_init, receiver in uses.others:
        if method is None or methods.get(id(method)) is None:
            return False, None
        if in_init or receiver in _READ_ONLY_METHODS:
            continue
        if receiver is None:
            return False, None
        name = methods[id(method)]
        if changer is not None and changer != name:
            return False, None
        changer = name
    if changer is not None and uses.calls_own_method:
        # ``__init__`` may run that method (directly or not) before its own
        # later calls on the model: their order is not known.
        return False, None
    return uses.held_elsewhere, changer
