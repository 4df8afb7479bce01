"""The CLI on every program in ``fixtures/``: exactly the marked findings.

Each fixture marks the lines that must be reported with ``# expect: KLxxx``;
unmarked lines must stay silent. The CLI runs once, as a user runs it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from keraslint.testing import expected_findings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures").glob("*.py"))
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>KL\d{3}) (?P<message>.+)$")


@pytest.fixture(scope="module")
def reported() -> dict[str, list[tuple[int, str]]]:
    run = subprocess.run(
        [sys.executable, "-m", "keraslint", "fixtures"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode in (0, 1), run.stderr
    assert run.stderr == ""
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for line in run.stdout.splitlines():
        match = LINE.match(line)
        assert match, f"not a concise diagnostic line: {line!r}"
        found[Path(match["path"]).name].append((int(match["line"]), match["code"]))
    return found


def test_there_are_enough_fixtures_and_a_third_are_clean() -> None:
    assert len(FIXTURES) >= 30
    clean = [f for f in FIXTURES if not expected_findings(f.read_text())]
    assert len(clean) * 3 >= len(FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture(fixture: Path, reported: dict[str, list[tuple[int, str]]]) -> None:
    assert sorted(reported.get(fixture.name, [])) == expected_findings(fixture.read_text())
