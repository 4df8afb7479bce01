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


def decided_blocks(
    scope: Scope, truth: Callable[[cst.BaseExpression, int], bool | None]
) -> tuple[frozenset[int], frozenset[int]] | None:
    """The blocks of ``scope`` that never run and those that surely run
    (directly in a side of an ``if`` that itself surely runs), as ``truth``
    decides its tests; None when it decides none."""
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
    return frozenset(dead), frozenset(live)


def pruned_history(history: list[Binding], decided: tuple[frozenset[int], frozenset[int]]) -> list[Binding]:
    """``history`` without the bindings made in a block that never runs;
    one made directly in a block that surely runs is certain."""
    dead, live = decided
    kept: list[Binding] = []
    for binding in history:
        if any(block in dead for block in binding.blocks):
            continue
        if not binding.certain and binding.blocks and binding.blocks[-1] in live:
            # Its ``if`` surely runs (nothing uncertain around it), and
            # the binding sits directly in the side that runs.
            binding = replace(binding, certain=True, blocks=())
        kept.append(binding)
    return kept
