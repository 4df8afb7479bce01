"""The ``.shape`` of an array, where the code fixes it: ``y.reshape(-1, 1)``
has one column, so ``y.shape[1]`` is 1 whatever the number of rows.

Only what the code makes certain is known: each dimension is a constant or
unknown (``-1`` in a reshape, a row count, the size of loaded data). An
array read through a name must not have been passed to a function or had a
method called on it since it was assigned (``y.resize(...)`` would change
its shape in place): the value engine's record of changes says so.
"""

from __future__ import annotations

from typing import Callable

import libcst as cst

from keraslint.analysis.values import UNKNOWN, Sequence, Value, as_int, elements
from keraslint.model.budget import Budget
from keraslint.model.resolve import Kind, Scope, qualified_name

# How many names and slices a shape is followed through.
_MAX_DEPTH = 50
# ``numpy.reshape(a, newshape)`` and the array method ``a.reshape(*shape)``
# return the same elements with the shape given; one ``-1`` stands for the
# size that makes the element count agree (numpy/_core/fromnumeric.py).
_RESHAPE_FUNCTIONS = frozenset({"numpy.reshape"})

Evaluate = Callable[[cst.BaseExpression, Scope, int], Value]
# (name, owner scope, bound at, scope read in, read at) -> may have changed.
Changed = Callable[[str, Scope, int, Scope, int], bool]


def array_shape(
    node: cst.BaseExpression, scope: Scope, index: int, evaluate: Evaluate, changed: Changed, budget: Budget
) -> Value | None:
    """The shape of the array ``node`` as a tuple value (unknown
    dimensions as ``UNKNOWN``), or None when it is not known."""
    for _ in range(_MAX_DEPTH):
        budget.spend()
        if isinstance(node, cst.Name):
            binding = scope.lookup(node.value, index)
            if binding is None or binding.kind is not Kind.VALUE or binding.value is None or binding.index < 0:
                return None
            owner = scope if node.value in scope.bindings else (scope.parent or scope)
            if changed(node.value, owner, binding.index, scope, index):
                return None
            value: cst.BaseExpression | None = binding.value
            for step in binding.path:
                # ``a, b = x.reshape(-1, 1), z``: a part of a tuple written out.
                if not isinstance(value, (cst.Tuple, cst.List)) or step >= len(value.elements):
                    return None
                element = value.elements[step]
                if isinstance(element, cst.StarredElement):
                    return None
                value = element.value
            node, scope, index = value, owner, binding.index
            continue
        if isinstance(node, cst.Subscript):
            # ``y[:split]``: some rows, every other dimension kept.
            keys = [element.slice for element in node.slice]
            if not keys or not all(isinstance(key, cst.Slice) for key in keys):
                return None
            if any(_sliced(key) for key in keys[1:]):  # type: ignore[arg-type]
                return None
            inner = array_shape(node.value, scope, index, evaluate, changed, budget)
            if inner is None or not isinstance(inner, Sequence) or not inner.items:
                return None
            return Sequence("tuple", (UNKNOWN, *inner.items[1:]))
        if isinstance(node, cst.Call):
            return _reshaped(node, scope, index, evaluate)
        return None
    return None


def _reshaped(call: cst.Call, scope: Scope, index: int, evaluate: Evaluate) -> Value | None:
    if any(arg.star for arg in call.args):
        return None
    positional = [arg.value for arg in call.args if arg.keyword is None]
    if any(arg.keyword is not None and arg.keyword.value != "order" for arg in call.args):
        return None
    func = call.func
    qualname = qualified_name(func, scope, index)
    if qualname in _RESHAPE_FUNCTIONS and len(positional) == 2:
        dims, shape_node = None, positional[1]
    elif qualname is None and isinstance(func, cst.Attribute) and func.attr.value == "reshape" and positional:
        dims = positional if len(positional) > 1 else None
        shape_node = positional[0] if dims is None else None
    else:
        return None
    if dims is not None:
        values = tuple(evaluate(dim, scope, index) for dim in dims)
    else:
        assert shape_node is not None
        whole = evaluate(shape_node, scope, index)
        single = as_int(whole)
        found = (whole,) if single is not None else elements(whole)
        if found is None:
            return None
        values = found
    sizes = [as_int(value) for value in values]
    if not sizes or any(size is None or size < -1 for size in sizes) or sizes.count(-1) > 1:
        return None
    return Sequence("tuple", tuple(UNKNOWN if size == -1 else value for size, value in zip(sizes, values)))


def _sliced(key: cst.Slice) -> bool:
    return key.lower is not None or key.upper is not None or key.step is not None
