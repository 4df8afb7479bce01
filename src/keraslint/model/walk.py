"""A faster walk over a LibCST tree for visitors that only read it.

``CSTNode.visit`` rebuilds every node it passes (a visitor may replace
children) and calls several hooks per node and field: on Keras source files
that cost about as much as parsing. This walk reads the dataclass fields
directly, in order, skips the ones that only hold whitespace and
punctuation, and calls the same ``visit_<Node>`` / ``leave_<Node>``
methods a ``CSTVisitor`` defines (a ``visit_`` returning False still skips
the children).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Optional, Tuple

import libcst as cst

# Fields that never hold a statement or an expression.
_SKIPPED_FIELDS = frozenset(
    {
        "lpar",
        "rpar",
        "comma",
        "operator",
        "semicolon",
        "leading_lines",
        "lines_after_decorators",
        "trailing_whitespace",
        "header",
        "footer",
        "newline",
        "equal",
        "colon",
        "dot",
        "star",
        "lbracket",
        "rbracket",
        "lbrace",
        "rbrace",
        "whitespace",
    }
)

# A runtime alias: written with typing names so that Python 3.9 accepts it.
_Plan = Tuple[Optional[Callable[[Any], Any]], Optional[Callable[[Any], Any]], Tuple[str, ...]]

# Leaves: their only other field holds text, never a node.
_LEAVES = (cst.Name, cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.FormattedStringText)
# Nodes that wrap one node (their other fields hold only names or text):
# unless the visitor visits them, the walk goes straight to that field.
_THROUGH: dict[type, str] = {
    cst.Arg: "value",  # ``keyword`` is a name
    cst.Attribute: "value",  # ``attr`` is a name
    cst.Element: "value",
    cst.StarredElement: "value",
    cst.Expr: "value",
    cst.Index: "value",
    cst.SubscriptElement: "slice",
    cst.AssignTarget: "target",
}


# What each visitor class's walk learnt about each node type, kept for the
# next file: (plans, kinds) by visitor class.
_LEARNT: dict[type, tuple[dict[type, tuple[str | None, str | None, tuple[str, ...]]], dict[type, int | str]]] = {}


class _Walker:
    def __init__(self, visitor: cst.CSTVisitor) -> None:
        self.visitor = visitor
        self.plans: dict[type, _Plan] = {}
        learnt = _LEARNT.setdefault(type(visitor), ({}, {}))
        # type -> the names of the visitor's own visit/leave methods and the
        # fields to walk, learnt once per visitor class.
        self.names = learnt[0]
        # type -> what a value of that type asks of the walk: 0, nothing (not
        # a node, or a leaf no method visits); 1, to be walked; a field's name,
        # to go through to that field. Asked once per type:
        # ``isinstance(x, cst.CSTNode)`` goes through the ABC machinery on
        # every call.
        self.kinds = learnt[1]

    def plan(self, kind: type) -> _Plan:
        names = self.names.get(kind)
        if names is None:
            fields: tuple[str, ...] = ()
            if not issubclass(kind, _LEAVES):
                fields = tuple(
                    f.name
                    for f in dataclasses.fields(kind)
                    if f.name not in _SKIPPED_FIELDS and not f.name.startswith("whitespace")
                )
            visit, leave = f"visit_{kind.__name__}", f"leave_{kind.__name__}"
            names = self.names[kind] = (
                visit if self.method(visit) else None,
                leave if self.method(leave) else None,
                fields,
            )
        visit_name, leave_name, fields = names
        plan = (
            getattr(self.visitor, visit_name) if visit_name else None,
            getattr(self.visitor, leave_name) if leave_name else None,
            fields,
        )
        self.plans[kind] = plan
        return plan

    def method(self, name: str) -> Callable[[Any], Any] | None:
        """The visitor's own method ``name``; None where only LibCST's base
        class has it (a no-op for every node type)."""
        own = getattr(type(self.visitor), name, None)
        if own is None or own is getattr(cst.CSTVisitor, name, None):
            return None
        return getattr(self.visitor, name)  # type: ignore[no-any-return]

    def kind(self, kind: type) -> int | str:
        answer: int | str
        if not issubclass(kind, cst.CSTNode):
            answer = 0
        else:
            self.plans.get(kind) or self.plan(kind)
            visit, leave, fields = self.names[kind]
            answer = 1 if visit is not None or leave is not None else _THROUGH.get(kind, 1 if fields else 0)
        self.kinds[kind] = answer
        return answer

    def walk(self, node: cst.CSTNode) -> None:
        kind = type(node)
        visit, leave, fields = self.plans.get(kind) or self.plan(kind)
        if visit is None or visit(node) is not False:
            kinds = self.kinds
            for field in fields:
                value = getattr(node, field)
                kind = type(value)
                items = value if kind is list or kind is tuple else (value,)
                for item in items:
                    # Straight through the nodes that only wrap one (``Arg``,
                    # ``Attribute``...) to the first that matters, if any.
                    while True:
                        walked = kinds.get(type(item))
                        if walked is None:
                            walked = self.kind(type(item))
                        if walked == 1:
                            self.walk(item)
                            break
                        if not walked:
                            break
                        item = getattr(item, walked)  # type: ignore[arg-type]
        if leave is not None:
            leave(node)


def walk(module: cst.Module, visitor: cst.CSTVisitor) -> None:
    _Walker(visitor).walk(module)
