"""The other half of a finding ("loss `binary_crossentropy` at line 6"), for
LSP's ``relatedInformation``.

Diagnostics carry one span; the rules name the other line in the message,
through ``FileModel.where`` ("line 12", or "cell 3, line 2" in a notebook).
This reads those references back out of the message. When ``Diagnostic``
carries related spans itself, this is where to read them instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from keraslint.diagnostics import Diagnostic

# "loss `bce` at line 6", "`kl_divergence` (line 5)", "(cell 3, line 2)".
_REFERENCE = re.compile(
    r"(?:(?P<name>(?:\w+ )?`(?P<code>[^`]+)`)(?: at | \())?(?:cell (?P<cell>\d+), )?line (?P<line>\d+)"
)


@dataclass(frozen=True)
class Related:
    cell: int | None  # 1-based, in a notebook; None: the same document
    line: int  # 1-based
    label: str  # what is there, as the message names it
    name: str | None  # the source text to point at on that line, when the message quotes it


def related(diagnostic: Diagnostic) -> list[Related]:
    found = []
    for match in _REFERENCE.finditer(diagnostic.message):
        cell = int(match["cell"]) if match["cell"] else None
        where = f"cell {cell}, line {match['line']}" if cell else f"line {match['line']}"
        label = f"{match['name']} at {where}" if match["name"] else where
        found.append(Related(cell, int(match["line"]), label, match["code"]))
    return found


def columns(line: str, name: str | None) -> tuple[int, int]:
    """The code-point columns to point at on ``line``: the quoted source if it
    is there, else the line without its indentation."""
    if name:
        start = line.find(name)
        if start >= 0:
            return start, start + len(name)
    stripped = line.strip()
    start = line.find(stripped) if stripped else 0
    return start, start + len(stripped)
