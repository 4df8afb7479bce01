"""Which function or method of the file a call runs (issue 11: builders
written as static methods of a builder class, models built in methods of
plain Python classes, a factory function passed as an argument).

Python looks a method up on the object's class at call time, so a method is
known only where nothing can put another one in its place: the class is
defined once at module level, with no base but ``object``, no decorator, no
metaclass and no attribute hooks (``__getattr__``, ``__setattr__``...); no
other class of the file derives from it (``self.m()`` could then run an
override); the method is defined once in the class body, undecorated
(an instance method) or decorated by the builtin ``staticmethod`` or
``classmethod`` alone. A static or class method called on the class
(``ResnetBuilder.build(...)``) needs only the class and the method to be
known (its bases do not matter: the class's own method comes first).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

import libcst as cst

from keraslint.model.program import Signature
from keraslint.model.resolve import Kind, Scope

# Methods that change how attributes are found or set, or how an instance
# is made: with one of them, ``self.x`` and ``obj.m`` are not what the body says.
_HOOKS = frozenset(
    {
        "__getattr__",
        "__getattribute__",
        "__setattr__",
        "__delattr__",
        "__new__",
        "__init_subclass__",
        "__class_getitem__",
    }
)


def is_literal(node: cst.BaseExpression) -> bool:
    """A value that means the same in any scope: a number (signed), a
    string, ``None``/``True``/``False``, or a tuple of those (``(224, 224, 3)``:
    immutable, so no later change can reach it through another name)."""
    kind = type(node)
    if kind is cst.Name:
        return node.value in ("None", "True", "False")  # type: ignore[attr-defined]
    if kind in (cst.Integer, cst.Float, cst.SimpleString):
        return True
    if kind is cst.UnaryOperation:
        return type(node.operator) in (cst.Minus, cst.Plus) and type(node.expression) in (cst.Integer, cst.Float)  # type: ignore[attr-defined]
    if kind is cst.Tuple:
        elements = node.elements  # type: ignore[attr-defined]
        return len(elements) <= 16 and all(
            type(element) is cst.Element and is_literal(element.value) for element in elements
        )
    return False


@dataclass(frozen=True)
class Method:
    """A method of a class of the file, as a call reaches it."""

    owner: Any  # extract._Class
    name: str
    node: cst.FunctionDef
    scope: Scope
    kind: str  # "instance", "static" or "class"

    def signature(self) -> Signature | None:
        """The parameters a call binds: all of a static method's, the ones
        after ``self``/``cls`` otherwise. The defaults kept are those read
        alike in the module (``default_outside_class``). None with ``*args``
        or ``**kwargs``."""
        params = self.node.params
        positional = [*params.posonly_params, *params.params]
        if params.star_kwarg is not None or isinstance(params.star_arg, cst.Param):
            return None
        skip = 0 if self.kind == "static" else 1
        if len(positional) < skip:
            return None
        names = tuple(p.name.value for p in positional[skip:])
        return Signature(
            names,
            tuple(p.name.value for p in params.kwonly_params),
            max(len(params.posonly_params) - skip, 0),
            {
                p.name.value: p.default
                for p in [*positional[skip:], *params.kwonly_params]
                if p.default is not None and default_outside_class(p.default, self.owner.node)
            },
            self.owner.statement,
        )


def default_outside_class(default: cst.BaseExpression, owner: cst.ClassDef) -> bool:
    """Whether a method's default means the same read in the module at the
    ``class`` statement as in the class body, where Python evaluates it: a
    literal, or a plain name the class body binds no way
    (``loss=mean_squared_error`` for an imported function)."""
    if is_literal(default):
        return True
    if type(default) is not cst.Name or not isinstance(owner.body, cst.IndentedBlock):
        return False
    name = default.value  # type: ignore[attr-defined]
    for statement in owner.body.body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            if statement.name.value == name:
                return False
        elif not isinstance(statement, cst.SimpleStatementLine) or _binds(statement, name):
            return False
    return True


def _builtin(name: str, module_scope: Scope) -> bool:
    """``name`` is Python's builtin: the file never binds it."""
    return name not in module_scope.bindings and not module_scope.star_imports


def method_kind(node: cst.FunctionDef, module_scope: Scope) -> str | None:
    if not node.decorators:
        return "instance"
    if len(node.decorators) != 1:
        return None
    decorator = node.decorators[0].decorator
    names = ("staticmethod", "classmethod")
    if isinstance(decorator, cst.Name) and decorator.value in names and _builtin(decorator.value, module_scope):
        return "static" if decorator.value == "staticmethod" else "class"
    return None


def own_method(info: Any, name: str, module_scope: Scope) -> Method | None:
    """The method ``name`` the class's body defines once (and binds no other way)."""
    scope = info.methods.get(name)
    if scope is None or not isinstance(info.node.body, cst.IndentedBlock):
        return None
    found: cst.FunctionDef | None = None
    for statement in info.node.body.body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)) and statement.name.value == name:
            if found is not None or isinstance(statement, cst.ClassDef):
                return None
            found = statement
        elif not isinstance(statement, (cst.FunctionDef, cst.ClassDef, cst.SimpleStatementLine)):
            return None  # a loop or branch in the class body may bind anything
        elif isinstance(statement, cst.SimpleStatementLine) and _binds(statement, name):
            return None
    if found is None:
        return None
    kind = method_kind(found, module_scope)
    return Method(info, name, found, scope, kind) if kind is not None else None


def _binds(statement: cst.SimpleStatementLine, name: str) -> bool:
    for small in statement.body:
        targets: list[cst.BaseExpression] = []
        if isinstance(small, cst.Assign):
            targets = [target.target for target in small.targets]
        elif isinstance(small, (cst.AnnAssign, cst.AugAssign)):
            targets = [small.target]
        elif isinstance(small, (cst.Import, cst.ImportFrom, cst.Del)):
            return True
        if any(not isinstance(t, cst.Name) or t.value == name for t in targets):
            return True
    return False


def module_class(name: str, scope: Scope, index: int, classes: dict[str, Any]) -> Any | None:
    """The class of the file ``name`` names at ``index`` of ``scope``: a
    module-level class defined once."""
    info = classes.get(name)
    if info is None:
        return None
    definition = scope.lookup(name, index)
    root = scope.root()
    if definition is None or definition.kind is not Kind.DEFINITION or root.bindings.get(name) != [definition]:
        return None
    return info


def plain(info: Any, module_scope: Scope, classes: Iterable[Any]) -> bool:
    """A class whose instances' methods are the ones its body defines (see
    the module's docstring)."""
    node: cst.ClassDef = info.node
    if node.decorators or node.keywords:
        return False
    for base in node.bases:
        if not (isinstance(base.value, cst.Name) and base.value.value == "object" and _builtin("object", module_scope)):
            return False
    if _HOOKS.intersection(info.methods):
        return False
    name = node.name.value
    for other in classes:
        for base in other.node.bases:
            if isinstance(base.value, cst.Name) and base.value.value == name:
                return False
            if isinstance(base.value, cst.Attribute) and base.value.attr.value == name:
                return False
    return True
