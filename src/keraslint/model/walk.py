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
# The visitor class's own visit and leave functions (unbound) and the fields to walk.
_Plan = Tuple[Optional[Callable[[Any, Any], Any]], Optional[Callable[[Any, Any], Any]], Tuple[str, ...]]

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


# What the walk learnt about each node type, per visitor class, kept for the
# next file: (plans, kinds).
_LEARNT: dict[type, tuple[dict[type, _Plan], dict[type, int | str]]] = {}


class _Walker:
    def __init__(self, visitor: cst.CSTVisitor) -> None:
        self.visitor = visitor
        # Both learnt once per visitor class. plans: type -> its plan. kinds:
        # type -> what a value of that type asks of the walk: 0, nothing (not
        # a node, or a leaf no method visits); 1, to be walked; a field's name,
        # to go through to that field. Asked once per type:
        # ``isinstance(x, cst.CSTNode)`` goes through the ABC machinery on
        # every call.
        self.plans, self.kinds = _LEARNT.setdefault(type(visitor), ({}, {}))

    def plan(self, kind: type) -> _Plan:
        fields: tuple[str, ...] = ()
        if not issubclass(kind, _LEAVES):
            fields = tuple(
                f.name
                for f in dataclasses.fields(kind)
                if f.name not in _SKIPPED_FIELDS and not f.name.startswith("whitespace")
            )
        plan = self.plans[kind] = (
            self.method(f"visit_{kind.__name__}"),
            self.method(f"leave_{kind.__name__}"),
            fields,
        )
        return plan

    def method(self, name: str) -> Callable[[Any, Any], Any] | None:
        """The visitor class's own function ``name``; None where only LibCST's
        base class has it (a no-op for every node type)."""
        own = getattr(type(self.visitor), name, None)
        if own is None or own is getattr(cst.CSTVisitor, name, None):
            return None
        return own  # type: ignore[no-any-return]

    def kind(self, kind: type) -> int | str:
        answer: int | str
        if not issubclass(kind, cst.CSTNode):
            answer = 0
        else:
            visit, leave, fields = self.plans.get(kind) or self.plan(kind)
            answer = 1 if visit is not None or leave is not None else _THROUGH.get(kind, 1 if fields else 0)
        self.kinds[kind] = answer
        return answer

    def walk(self, node: cst.CSTNode) -> None:
        kind = type(node)
        visit, leave, fields = self.plans.get(kind) or self.plan(kind)
        visitor = self.visitor
        if visit is None or visit(visitor, node) is not False:
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
            leave(visitor, node)


def walk(module: cst.Module, visitor: cst.CSTVisitor) -> None:
    _Walker(visitor).walk(module)
