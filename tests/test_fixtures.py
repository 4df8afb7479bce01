"""The CLI on every program in ``fixtures/``: exactly the marked findings.

Each fixture (``.py`` or ``.ipynb``) marks the lines that must be reported
with ``# expect: KLxxx``; unmarked lines must stay silent. The CLI runs once,
as a user runs it, and its positions are compared as it prints them
(``line`` or ``cell N:line``).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from helpers import findings
from keraslint.checker import read_data
from keraslint.diagnostics import Position
from keraslint.testing import expected_findings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted([*(ROOT / "fixtures").glob("*.py"), *(ROOT / "fixtures").glob("*.ipynb")])
LINE = re.compile(r"^(?P<path>.+?\.(py|ipynb)):(?P<where>(cell \d+:)?\d+):\d+: (?P<code>KL\d{3}) \S")


@pytest.fixture(scope="module")
def reported() -> dict[str, list[tuple[str, str]]]:
    run = subprocess.run(
        [sys.executable, "-m", "keraslint", "fixtures"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert run.returncode in (0, 1), run.stderr
    assert run.stderr == ""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for line in findings(run.stdout):
        match = LINE.match(line)
        assert match, f"not a concise diagnostic line: {line!r}"
        found[Path(match["path"]).name].append((match["where"], match["code"]))
    # A finding folded into another (keraslint.folding) is reported as the
    # root's related information, with its code and place: as a marked line.
    for name, where, code in folded_findings():
        found[name].append((where, code))
    return found


def folded_findings() -> list[tuple[str, str, str]]:
    run = subprocess.run(
        [sys.executable, "-m", "keraslint", "--output-format", "json", "fixtures"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return [
        (Path(item["filename"]).name, _where(related), related["code"])
        for item in json.loads(run.stdout)
        for related in item["related"]
        if related["code"]
    ]


def _where(item: dict[str, Any]) -> str:
    row = str(item["location"]["row"])
    return f"cell {item['cell']}:{row}" if item["cell"] is not None else row


def test_one_mistake_is_one_finding_with_the_others_folded_into_it() -> None:
    # The 1-unit softmax on iris: KL103 and KL202 are consequences of it.
    folded = [f for f in folded_findings() if f[0] == "iris_one_unit_softmax_categorical.py"]
    assert sorted(folded) == [
        ("iris_one_unit_softmax_categorical.py", "22", "KL103"),
        ("iris_one_unit_softmax_categorical.py", "22", "KL202"),
    ]


def expected(fixture: Path) -> list[tuple[str, str]]:
    source = read_data(str(fixture), fixture.read_bytes())
    assert source is not None
    return sorted(
        (source.display(Position(line, 0)).rsplit(":", 1)[0], code) for line, code in expected_findings(source.text)
    )


def test_there_are_enough_fixtures_and_a_third_are_clean() -> None:
    assert len(FIXTURES) >= 30
    clean = [f for f in FIXTURES if not expected(f)]
    assert len(clean) * 3 >= len(FIXTURES)
    assert any(f.suffix == ".ipynb" and expected(f) for f in FIXTURES), "a notebook with findings"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_fixture(fixture: Path, reported: dict[str, list[tuple[str, str]]]) -> None:
    assert sorted(reported.get(fixture.name, [])) == expected(fixture)
