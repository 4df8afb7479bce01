"""Fixes that replace a loss string with a loss object:
``loss="binary_crossentropy"`` becomes
``loss=keras.losses.BinaryCrossentropy(from_logits=True)``.

The new code reads the name ``keras``, which the rule cannot see: the
checker offers the fix (``place``) only where that name is provably the
Keras module: bound once in the file, by ``import keras`` or ``from
tensorflow import keras`` written as a statement of its own at the top
level of the module, before the statement that holds the loss, and never
deleted nor declared ``global``/``nonlocal``. Anything else: no fix.

``fixes.locate_fixes`` checks the result again as Python reads it
(``holds``): one string constant with the loss's value became the new
expression, nothing else changed.
"""

from __future__ import annotations

import ast
import re
import warnings
from typing import TYPE_CHECKING

from keraslint.diagnostics import Replacement, Span

if TYPE_CHECKING:
    import libcst as cst

MODULE = "keras"


def loss_object_fix(literal: Span, expression: str, safe: bool) -> Replacement:
    """Replace the string literal at ``literal`` with ``expression``, which
    reads ``keras``."""
    return Replacement(literal, expression, safe, requires=MODULE)


def _binds_keras(statement: cst.CSTNode) -> bool:
    import libcst as cst

    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return False
    node = statement.body[0]
    if isinstance(node, cst.Import):
        names = node.names
    elif isinstance(node, cst.ImportFrom) and not node.relative and isinstance(node.module, cst.Name):
        if node.module.value != "tensorflow" or isinstance(node.names, cst.ImportStar):
            return False
        names = node.names
    else:
        return False
    return any(
        isinstance(alias.name, cst.Name) and alias.name.value == MODULE and alias.asname is None for alias in names
    )


def place(module: cst.Module, text: str, fix: Replacement) -> Replacement | None:
    """``fix`` when ``keras`` is provably the Keras module at its literal
    in ``module`` (parsed from ``text``); None otherwise."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider, ScopeProvider
    from libcst.metadata.scope_provider import ImportAssignment

    if fix.requires != MODULE or module.code != text:
        return None  # positions in the generated code would not be the file's
    if re.search(rf"\b(del|global|nonlocal)\b[^\n]*\b{MODULE}\b", text):
        return None
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    scopes = wrapper.resolve(ScopeProvider)
    start, end = fix.span.start, fix.span.end

    def at_span(node: cst.CSTNode) -> bool:
        where = positions.get(node)
        return where is not None and (where.start.line, where.start.column, where.end.line, where.end.column) == (
            start.line,
            start.column,
            end.line,
            end.column,
        )

    found = [node for node in positions if isinstance(node, cst.SimpleString) and at_span(node)]
    if len(found) != 1:
        return None
    scope = scopes.get(found[0])
    if scope is None:
        return None
    assignments = list(scope[MODULE])
    if len(assignments) != 1 or not isinstance(assignments[0], ImportAssignment):
        return None
    binding = assignments[0].node
    body = list(module.body)
    importing = [index for index, statement in enumerate(body) if _binds_keras(statement) and binding in statement.body]
    holding = [index for index, statement in enumerate(body) if positions[statement].start.line <= start.line]
    if len(importing) != 1 or not holding or importing[0] >= holding[-1]:
        return None
    return fix


def _parsed(code: str) -> ast.Module | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def holds(before: str, after: str, old: str, new: str) -> bool:
    """Whether ``after`` reads as ``before`` with one string constant equal
    to the literal ``old`` replaced by the expression ``new``."""
    original, fixed, value, expression = _parsed(before), _parsed(after), _parsed(old), _parsed(f"({new}\n)")
    if original is None or fixed is None or value is None or expression is None:
        return False
    if len(value.body) != 1 or not isinstance(value.body[0], ast.Expr) or len(expression.body) != 1:
        return False
    constant, replacement = value.body[0].value, expression.body[0]
    if not isinstance(constant, ast.Constant) or not isinstance(replacement, ast.Expr):
        return False
    if len(original.body) != len(fixed.body):
        return False
    changed = [i for i, (a, b) in enumerate(zip(original.body, fixed.body)) if ast.dump(a) != ast.dump(b)]
    if len(changed) != 1:
        return False
    statement, wanted = original.body[changed[0]], ast.dump(fixed.body[changed[0]])
    target = ast.dump(constant)
    for parent in ast.walk(statement):
        for field, child in ast.iter_fields(parent):
            children = child if isinstance(child, list) else [child]
            for position, item in enumerate(children):
                if not isinstance(item, ast.Constant) or ast.dump(item) != target:
                    continue
                children[position] = replacement.value
                if not isinstance(child, list):
                    setattr(parent, field, replacement.value)
                same = ast.dump(statement) == wanted
                children[position] = item
                if not isinstance(child, list):
                    setattr(parent, field, item)
                if same:
                    return True
    return False
