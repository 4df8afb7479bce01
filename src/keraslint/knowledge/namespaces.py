"""Python's attribute bags: ``types.SimpleNamespace(**CONFIG, lr=1e-3)`` and
``argparse.Namespace(**CONFIG)`` hold each keyword as an attribute
(``flags.return_softmax``).

Both ``__init__`` set one attribute per keyword argument and take no
positional one (CPython: ``Objects/namespaceobject.c``, ``namespace_init``;
``Lib/argparse.py``, ``Namespace.__init__``). A keyword given twice (in
the unpacked mapping and by name) is a ``TypeError`` at the call.
"""

from __future__ import annotations

from typing import Callable, Sequence

import libcst as cst

from keraslint.analysis.values import UNKNOWN, Const, Instance, Mapping, Value

NAMESPACE_CLASSES = frozenset({"types.SimpleNamespace", "argparse.Namespace"})
# The last part of their names: a quick test before resolving a call.
NAMESPACE_NAMES = frozenset(name.rsplit(".", 1)[1] for name in NAMESPACE_CLASSES)
# The class name of the instances (not a Python name: no user class has it).
NAMESPACE = "types.SimpleNamespace"
# The callee of a namespace written anew where a builder's parameter holds
# one (``build(flags)``): ``__keraslint_namespace__(units=4)``, read as a
# namespace only where the file never binds that name.
STAND_IN = "__keraslint_namespace__"


def namespace(args: Sequence[cst.Arg], evaluate: Callable[[cst.BaseExpression], Value]) -> Value:
    """The namespace these arguments make: unknown unless every keyword is
    known (a ``**mapping`` must be a closed mapping of string keys)."""
    attributes: list[tuple[str, Value]] = []
    for arg in args:
        if arg.star == "**":
            mapping = evaluate(arg.value)
            if not isinstance(mapping, Mapping) or mapping.open:
                return UNKNOWN
            for key, value in mapping.items:
                if not isinstance(key, Const) or not isinstance(key.value, str):
                    return UNKNOWN
                attributes.append((key.value, value))
        elif arg.star or arg.keyword is None:
            return UNKNOWN  # no positional argument (a TypeError, or one we do not read)
        else:
            attributes.append((arg.keyword.value, evaluate(arg.value)))
    names = [name for name, _ in attributes]
    if len(set(names)) != len(names):
        return UNKNOWN  # a keyword given twice: a TypeError
    return Instance(NAMESPACE, tuple(attributes))
