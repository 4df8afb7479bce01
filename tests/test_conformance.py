"""The conformance matrix (issue 11, built in ``tests/conformance.py``):
every KL1xx/KL2xx mistake in every shape and import style is reported,
and its correct twin never is.

Shapes the engine does not see through yet are listed in ``KNOWN_GAPS``
(shape -> the rules it misses there). The list is a ratchet: a gap that
closes makes its test fail until it is removed from the list, and a twin
that is flagged is never a known gap.
"""

from __future__ import annotations

import collections

import pytest

from conformance import SCENARIOS, SHAPES, STYLES, Cell, cells
from keraslint.config import Settings
from keraslint.runner import check_bytes

_ALL_BUT_KL101 = frozenset(s.rule for s in SCENARIOS) - {"KL101"}
_EVERY_RULE = frozenset(s.rule for s in SCENARIOS)
_MODEL_RULES = frozenset({"KL101", "KL102", "KL103", "KL107", "KL108", "KL204", "KL205"})  # rules on the units

# What each shape misses today (every import style alike).
KNOWN_GAPS: dict[str, frozenset[str]] = {}

CELLS_BY_SHAPE: dict[str, list[Cell]] = collections.defaultdict(list)
for _cell in cells():
    CELLS_BY_SHAPE[_cell.shape].append(_cell)


def found_codes(cell: Cell) -> set[str]:
    result = check_bytes(cell.filename, cell.content.encode(), Settings())
    assert not result.internal_errors, (cell.id, result.internal_errors)
    # A finding folded into another (keraslint.folding) is still found.
    return {f.code for d in result.diagnostics for f in (d, *d.folded) if f.code[:3] in ("KL1", "KL2")}


def test_matrix_size(capsys: pytest.CaptureFixture[str]) -> None:
    total = sum(len(group) for group in CELLS_BY_SHAPE.values())
    assert total == len(SCENARIOS) * len(SHAPES) * len(STYLES)
    gaps = sum(len(KNOWN_GAPS.get(shape, ())) * len(STYLES) for shape in SHAPES)
    with capsys.disabled():
        print(
            f"\nconformance matrix: {len(SCENARIOS)} scenarios ({len(_EVERY_RULE)} rules and their twins) x "
            f"{len(SHAPES)} shapes x {len(STYLES)} import styles = {total} cells; {gaps} known gaps"
        )
    assert total >= 1500


@pytest.mark.parametrize("shape", list(SHAPES))
def test_shape(shape: str) -> None:
    missed: set[tuple[str, str]] = set()
    false_alarms: list[tuple[str, set[str]]] = []
    for cell in CELLS_BY_SHAPE[shape]:
        found = found_codes(cell)
        if cell.scenario.twin:
            if found:
                false_alarms.append((cell.id, found))
        elif cell.scenario.rule not in found:
            missed.add((cell.scenario.rule, cell.style.name))
    assert false_alarms == [], "a correct program was flagged"
    expected = {(rule, style.name) for rule in KNOWN_GAPS.get(shape, ()) for style in STYLES}
    closed = expected - missed
    assert not closed, f"gaps closed in {shape}: remove them from KNOWN_GAPS: {sorted(closed)}"
    assert missed == expected, f"new misses in {shape}: {sorted(missed - expected)}"
