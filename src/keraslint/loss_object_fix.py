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
import warnings

from keraslint.diagnostics import Replacement, Span

MODULE = "keras"


def loss_object_fix(literal: Span, expression: str, safe: bool) -> Replacement:
    """Replace the string literal at ``literal`` with ``expression``, which
    reads ``keras``."""
    return Replacement(literal, expression, safe, requires=MODULE)


def _binds_keras(statement: ast.stmt) -> bool:
    """``import keras`` or ``from tensorflow import keras``, as written."""
    plain = isinstance(statement, ast.Import)
    from_tensorflow = (
        isinstance(statement, ast.ImportFrom) and statement.level == 0 and statement.module == "tensorflow"
    )
    if not plain and not from_tensorflow:
        return False
    return any(alias.name == MODULE and alias.asname is None for alias in statement.names)  # type: ignore[attr-defined]


def _bound_names(node: ast.AST) -> tuple[str | None, ...]:
    """The names ``node`` binds (``*`` for a star import)."""
    if isinstance(node, ast.Name):
        return () if isinstance(node.ctx, ast.Load) else (node.id,)
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return tuple(alias.asname or alias.name.split(".")[0] for alias in node.names)
    if isinstance(node, ast.arg):
        return (node.arg,)
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.ExceptHandler)):
        return (node.name,)
    if isinstance(node, (ast.MatchAs, ast.MatchStar)):
        return (node.name,)
    if isinstance(node, ast.MatchMapping):
        return (node.rest,)
    if isinstance(node, (ast.Global, ast.Nonlocal)):
        return tuple(node.names)
    return ()


def _bindings(tree: ast.Module) -> list[ast.AST]:
    """Every node that binds the name ``keras`` anywhere in the file, in
    any scope (an import, an assignment or deletion, a parameter, a
    ``def``/``class``, an ``except ... as``, a pattern, a ``global``), and
    every star import (which may)."""
    return [node for node in ast.walk(tree) if any(name in (MODULE, "*") for name in _bound_names(node))]


def place(text: str, fix: Replacement, tree: ast.Module | None = None) -> Replacement | None:
    """``fix`` when ``keras`` is provably the Keras module at its literal
    in ``text`` (``tree``, when given, is ``text`` parsed by ``ast``): the
    name is bound once in the whole file, by a top-level ``import keras``
    or ``from tensorflow import keras`` of a statement before the one that
    holds the literal. None otherwise. Stricter than Python's scopes (a
    ``keras`` bound in any function blocks the fix): never wrong."""
    if fix.requires != MODULE:
        return None
    if tree is None:
        tree = parsed(text)
        if tree is None:
            return None
    bindings = _bindings(tree)
    if len(bindings) != 1:
        return None
    line = fix.span.start.line
    holding = [index for index, statement in enumerate(tree.body) if statement.lineno <= line]
    importing = [index for index, statement in enumerate(tree.body) if statement is bindings[0]]
    if len(importing) != 1 or not holding or importing[0] >= holding[-1]:
        return None
    if not _binds_keras(tree.body[importing[0]]):
        return None
    return fix


def parsed(code: str) -> ast.Module | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def holds(before: str, after: str, old: str, new: str) -> bool:
    """Whether ``after`` reads as ``before`` with one string constant equal
    to the literal ``old`` replaced by the expression ``new``."""
    original, fixed, value, expression = parsed(before), parsed(after), parsed(old), parsed(f"({new}\n)")
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
