"""Branch conditions that are the same for every run of the file.

``if False:``, ``if 0:``, ``if not True:`` and ``if DEBUG:`` for a module
name bound exactly once in the whole file, unconditionally at module level,
to a literal (``DEBUG = False``), are decided before the file runs: only one
side of such an ``if`` can run. A name bound anywhere else (a parameter of
the same name, a ``global`` statement, a loop, an import), a file that can
bind names unseen (a star import, ``globals()``, ``exec``) or ``match``
statements, and names that are conventionally flipped from outside
(``TYPE_CHECKING``) are not constants.
"""

from __future__ import annotations

from typing import Callable

import libcst as cst

from keraslint.model.walk import walk

# Names a tool sets from outside, though the file binds them to a literal.
_NOT_CONSTANT = frozenset({"TYPE_CHECKING"})
# Ways a file can bind a module name that no statement shows.
_DYNAMIC_MARKERS = ("globals(", "exec(", "vars(", "__dict__", "setattr(", "import *")


class Constants:
    """The constant conditions of one module (its names counted lazily, on
    the first condition that reads a name)."""

    def __init__(self, module: cst.Module, code: str) -> None:
        self.module = module
        self.dynamic = any(marker in code for marker in _DYNAMIC_MARKERS)
        # name -> (statement of its module-level assignment, its literal's truth)
        self._names: dict[str, tuple[cst.CSTNode, bool]] | None = None

    def truth(self, test: cst.BaseExpression, readable: Callable[[str], bool]) -> bool | None:
        """Whether ``test`` is true in every run; None when it may vary.
        ``readable(name)`` says whether the name's assignment has run where
        the ``if`` is (a module-level ``if`` before it is not decided)."""
        if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:  # type: ignore[attr-defined]
            inner = self.truth(test.expression, readable)  # type: ignore[attr-defined]
            return None if inner is None else not inner
        literal = _literal_truth(test)
        if literal is not None or type(test) is not cst.Name:
            return literal
        name = test.value  # type: ignore[attr-defined]
        if name in _NOT_CONSTANT or self.dynamic or not readable(name):
            return None
        found = self._constant_names().get(name)
        return None if found is None else found[1]

    def _constant_names(self) -> dict[str, tuple[cst.CSTNode, bool]]:
        if self._names is None:
            counter = _Bindings()
            walk(self.module, counter)
            self._names = {}
            if not counter.matches:
                for name, (statement, truth) in counter.module_literals.items():
                    if counter.counts.get(name) == 1:
                        self._names[name] = (statement, truth)
        return self._names


def _literal_truth(node: cst.BaseExpression) -> bool | None:
    kind = type(node)
    if kind is cst.Name and node.value in ("True", "False", "None"):  # type: ignore[attr-defined]
        return node.value == "True"  # type: ignore[attr-defined]
    if kind in (cst.Integer, cst.Float, cst.SimpleString):
        try:
            return bool(node.evaluated_value)  # type: ignore[attr-defined]
        except (ValueError, SyntaxError, OverflowError):
            return None
    return None


class _Bindings(cst.CSTVisitor):
    """Every binding of every name in the module, counted; and the
    module-level statements ``NAME = <literal>`` outside any block."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, int] = {}
        self.module_literals: dict[str, tuple[cst.CSTNode, bool]] = {}
        self.matches = False
        self._depth = 0  # blocks and scopes around the statement

    def _count(self, target: cst.BaseExpression | None) -> None:
        kind = type(target)
        if kind is cst.Name:
            name = target.value  # type: ignore[union-attr]
            self.counts[name] = self.counts.get(name, 0) + 1
        elif kind is cst.Tuple or kind is cst.List:
            for element in target.elements:  # type: ignore[union-attr]
                self._count(element.value)
        elif kind is cst.StarredElement:
            self._count(target.value)  # type: ignore[union-attr]

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self._depth += 1

    def leave_IndentedBlock(self, original_node: cst.IndentedBlock) -> None:
        self._depth -= 1

    def visit_SimpleStatementSuite(self, node: cst.SimpleStatementSuite) -> None:
        self._depth += 1

    def leave_SimpleStatementSuite(self, original_node: cst.SimpleStatementSuite) -> None:
        self._depth -= 1

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._count(target.target)
        if self._depth == 0 and len(node.targets) == 1 and type(node.targets[0].target) is cst.Name:
            truth = _literal_truth(node.value)
            if truth is not None:
                self.module_literals[node.targets[0].target.value] = (node, truth)  # type: ignore[attr-defined]

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._count(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._count(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._count(node.target)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._count(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._count(node.name)  # type: ignore[arg-type]

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._count(node.target)

    def visit_Del(self, node: cst.Del) -> None:
        self._count(node.target)

    def visit_Global(self, node: cst.Global) -> None:
        for item in node.names:
            self._count(item.name)
            self._count(item.name)  # never a constant

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        for item in node.names:
            self._count(item.name)
            self._count(item.name)

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        if node.asname is None:
            name = node.name
            while type(name) is cst.Attribute:
                name = name.value  # type: ignore[assignment]
            self._count(name)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._count(node.name)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._count(node.name)

    def visit_Param(self, node: cst.Param) -> None:
        self._count(node.name)

    def visit_Match(self, node: cst.CSTNode) -> None:
        self.matches = True
