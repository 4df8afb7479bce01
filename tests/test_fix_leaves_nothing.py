"""A fix for every finding (issue 13): applying every fix offered
(``--fix --unsafe-fixes``) leaves no KL1xx/KL2xx finding from a rule whose
findings all had a fix, and brings in none from another rule.

Over every rule's INVALID examples (linted with every rule, as a user
runs keraslint) and every cell of the conformance matrix
(``tests/conformance.py``). What is not fixed yet is listed in
``EXCEPTIONS`` with the reason.
"""

from __future__ import annotations

import pytest

from conformance import cells
from keraslint.checker import FileResult
from keraslint.config import Settings
from keraslint.fixes import fix_notebook, fix_python, wanted_fixes
from keraslint.rules import ALL_RULES
from keraslint.runner import check_bytes
from keraslint.sources.notebook import NotebookSource

SETTINGS = Settings()

# (rule, example number) or a conformance scenario's rule, shape -> why a
# finding stays after the fixes.
EXCEPTIONS: dict[tuple[str, str], str] = {}


def _findings(result: FileResult) -> list[tuple[str, int]]:
    return [(d.code, d.span.start.line) for d in result.diagnostics if d.code[:3] in ("KL1", "KL2")]


def left_after_fixing(name: str, data: bytes) -> tuple[int, list[tuple[str, int]]]:
    """How many fixes were applied, and the KL1xx/KL2xx findings left that
    a fix should have removed (or that a fix brought in)."""
    result = check_bytes(name, data, SETTINGS)
    assert not result.internal_errors, result.internal_errors
    assert result.source is not None
    fixes = wanted_fixes(result.diagnostics, unsafe=True)
    if not fixes:
        return 0, []
    if isinstance(result.source, NotebookSource):
        fixed = fix_notebook(data, result.source, fixes).data
    else:
        fixed = fix_python(data, result.source.text, fixes).data
    # A rule with a finding the fixes leave alone may still report.
    unfixed = {d.code for d in result.diagnostics if d.fix is None}
    again = check_bytes(name, fixed, SETTINGS)
    assert not again.internal_errors, again.internal_errors
    return len(fixes), [(code, line) for code, line in _findings(again) if code not in unfixed]


EXAMPLES = [
    pytest.param(rule.CODE, number, str(example), id=f"{rule.CODE}-{number}")
    for rule in ALL_RULES
    if rule.CODE[:3] in ("KL1", "KL2")
    for number, example in enumerate(rule.INVALID)
]


@pytest.mark.parametrize(("code", "number", "example"), EXAMPLES)
def test_fixing_an_invalid_example_leaves_no_finding(code: str, number: int, example: str) -> None:
    _, left = left_after_fixing("example.py", example.encode())
    if (code, str(number)) in EXCEPTIONS:
        assert left, f"{code} example {number} is fixed now: remove it from EXCEPTIONS"
    else:
        assert left == []


def test_fixes_together_leave_no_finding() -> None:
    # KL101 makes the softmax a sigmoid, KL103 the loss a binary one.
    code = (
        "import keras\n"
        'model = keras.Sequential([keras.layers.Dense(1, activation="softmax")])\n'
        'model.compile(optimizer="adam", loss="categorical_crossentropy")\n'
    )
    applied, left = left_after_fixing("model.py", code.encode())
    assert (applied, left) == (2, [])


def test_fixing_every_conformance_cell_leaves_no_finding() -> None:
    fixed_cells, failures = 0, []
    by_rule: dict[str, int] = {}
    for cell in cells():
        applied, left = left_after_fixing(cell.filename, cell.content.encode())
        if applied:
            fixed_cells += 1
            by_rule[cell.scenario.rule] = by_rule.get(cell.scenario.rule, 0) + 1
        excepted = (cell.scenario.rule, cell.shape) in EXCEPTIONS
        if bool(left) != excepted:
            failures.append((cell.id, left))
    assert failures == []
    # The fixes do reach the matrix: most mistakes of the fixed rules.
    assert fixed_cells > 500, by_rule
