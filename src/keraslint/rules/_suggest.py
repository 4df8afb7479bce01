"""Closest valid name for a misspelt one."""

from __future__ import annotations

import difflib
from typing import Sequence

from keraslint.diagnostics import Replacement, Span
from keraslint.model.types import StringRef

_CUTOFF = 0.75
# Two names whose similarity to the typo differs by less than this are
# equally likely: neither is a safe replacement.
_MARGIN = 0.05


def _candidates(name: str, valid: Sequence[str]) -> list[str]:
    """The valid names closest to ``name``, best first, all about as close."""
    lowered = name.lower()
    # "Softmax" -> "softmax": only the case is wrong.
    exact = [v for v in valid if v.lower() == lowered and v == v.lower()] or [v for v in valid if v.lower() == lowered]
    if exact:
        return exact[:1]
    # A snake_case typo is compared with snake_case names; class names such
    # as "CategoricalCrossentropy" only compete with a CamelCase typo.
    camel = name != lowered and "_" not in name
    pool = [v for v in valid if camel or v == v.lower()]
    normalised = lowered.replace("-", "_").replace(" ", "_")
    scored = sorted(((difflib.SequenceMatcher(None, normalised, v.lower()).ratio(), v) for v in pool), reverse=True)
    if not scored or scored[0][0] < _CUTOFF:
        return []
    best = scored[0][0]
    return [v for score, v in scored if score >= _CUTOFF and best - score < _MARGIN]


def closest(name: str, valid: Sequence[str]) -> str | None:
    """The valid name the user most likely meant, if one is close enough."""
    candidates = _candidates(name, valid)
    return candidates[0] if candidates else None


def only_close(name: str, valid: Sequence[str]) -> str | None:
    """The valid name when exactly one is close: safe to replace with."""
    candidates = _candidates(name, valid)
    return candidates[0] if len(candidates) == 1 else None


def replace_literal(literal: str, old: str, new: str) -> str | None:
    """``'sigmod'`` -> ``'sigmoid'``, keeping the quotes and the prefix; None
    when the value is not written verbatim (escapes) in the literal."""
    if not old or literal.count(old) != 1:
        return None
    return literal.replace(old, new)


def literal_fix(literal: StringRef | None, new: str, safe: bool, where: Span) -> Replacement | None:
    """Replace the name in ``literal`` with ``new``, keeping its quotes.

    ``where`` is what the finding is about (the ``loss=`` argument): a
    literal written elsewhere (a constant, a config dict) may feed other
    models too, so its fix is never safe."""
    if literal is None or literal.value == new:
        return None
    fixed = replace_literal(literal.literal, literal.value, new)
    if fixed is None:
        return None
    return Replacement(literal.span, fixed, safe and literal.span == where)
