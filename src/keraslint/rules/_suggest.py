"""Closest valid name for a misspelt one."""

from __future__ import annotations

import difflib
from typing import Sequence


def closest(name: str, valid: Sequence[str]) -> str | None:
    """The valid name the user most likely meant, if one is close enough."""
    by_lower = {v.lower(): v for v in valid}
    # "Softmax" -> "softmax": only the case is wrong.
    if name.lower() in by_lower:
        return by_lower[name.lower()]
    normalised = name.lower().replace("-", "_").replace(" ", "_")
    matches = difflib.get_close_matches(normalised, list(by_lower), n=1, cutoff=0.75)
    return by_lower[matches[0]] if matches else None
