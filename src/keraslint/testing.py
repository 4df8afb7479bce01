"""Expectations written in the code itself: ``# expect: KL101, KL104``.

Rule examples and the files in ``fixtures/`` mark each line that must be
reported; every other line must stay silent.
"""

from __future__ import annotations

import re

from keraslint.checker import lint_text
from keraslint.rules import Rule

_MARKER = re.compile(r"#\s*expect:\s*(?P<codes>KL\d{3}(?:\s*,\s*KL\d{3})*)\s*$")


def expected_findings(text: str) -> list[tuple[int, str]]:
    """Sorted ``(line, code)`` pairs that the markers in ``text`` ask for."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _MARKER.search(line)
        if match:
            found.extend((number, code.strip()) for code in match["codes"].split(","))
    return sorted(found)


def actual_findings(text: str, path: str = "<example>", rules: tuple[Rule, ...] | None = None) -> list[tuple[int, str]]:
    result = lint_text(path, text) if rules is None else lint_text(path, text, rules)
    if result.internal_errors:
        raise AssertionError(f"internal errors: {result.internal_errors}")
    return sorted((d.span.start.line, d.code) for d in result.diagnostics)
