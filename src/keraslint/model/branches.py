"""Branches a call decides: in a builder called with known arguments, an
``if`` whose test reads them (``if activation in {"softmax", "sigmoid"}:``
with ``activation=None``) is decided for that call. Only the side that runs
keeps its bindings; a binding made directly in that side of an ``if`` that
itself surely runs is then certain. A test whose value is not certain
keeps both sides.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

import libcst as cst

from keraslint.model.resolve import Binding, Scope


def prune_branches(
    scope: Scope, truth: Callable[[cst.BaseExpression, int], bool | None]
) -> dict[str, list[Binding]] | None:
    """``scope``'s bindings with the branches ``truth`` decides pruned;
    None when it decides none. The tests are all read in ``scope`` as it
    is, before any pruning."""
    dead: set[int] = set()
    live: set[int] = set()
    for condition in scope.conditions:
        verdict = truth(condition.test, condition.index)
        if verdict is None:
            continue
        if verdict:
            dead.update(condition.orelse)
            if condition.outer_certain:
                live.add(condition.body)
        else:
            dead.add(condition.body)
            if condition.outer_certain and len(condition.orelse) == 1:
                live.add(condition.orelse[0])
    if not dead and not live:
        return None
    pruned: dict[str, list[Binding]] = {}
    for name, history in scope.bindings.items():
        kept: list[Binding] = []
        for binding in history:
            if any(block in dead for block in binding.blocks):
                continue
            if not binding.certain and binding.blocks and binding.blocks[-1] in live:
                # Its ``if`` surely runs (nothing uncertain around it), and
                # the binding sits directly in the side that runs.
                binding = replace(binding, certain=True, blocks=())
            kept.append(binding)
        pruned[name] = kept
    return pruned
