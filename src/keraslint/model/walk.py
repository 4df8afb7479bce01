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


class _Walker:
    def __init__(self, visitor: cst.CSTVisitor) -> None:
        self.visitor = visitor
        self.plans: dict[type, _Plan] = {}

    def plan(self, kind: type) -> _Plan:
        plan = self.plans.get(kind)
        if plan is None:
            name = kind.__name__
            fields = tuple(
                f.name
                for f in dataclasses.fields(kind)
                if f.name not in _SKIPPED_FIELDS and not f.name.startswith("whitespace")
            )
            plan = (getattr(self.visitor, f"visit_{name}", None), getattr(self.visitor, f"leave_{name}", None), fields)
            self.plans[kind] = plan
        return plan

    def walk(self, node: cst.CSTNode) -> None:
        visit, leave, fields = self.plan(type(node))
        if visit is None or visit(node) is not False:
            for field in fields:
                value = getattr(node, field)
                if isinstance(value, cst.CSTNode):
                    self.walk(value)
                elif isinstance(value, (list, tuple)):
                    for item in value:
                        if isinstance(item, cst.CSTNode):
                            self.walk(item)
        if leave is not None:
            leave(node)


def walk(module: cst.Module, visitor: cst.CSTVisitor) -> None:
    _Walker(visitor).walk(module)
