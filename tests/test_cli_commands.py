"""ruff's terminal habits (issue 12): ``keraslint rule``, ``--add-noqa``,
the KL003 fix, ``keraslint clean`` and the cache's pruning, each run as a
user runs it: a subprocess."""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers import run, write
from keraslint.runner import KNOWN_CODES


def _listed_codes(message: str) -> list[str]:
    listed = re.search(r"known codes: ([A-Z0-9, ]+)\)", message)
    assert listed is not None, message
    return listed[1].split(", ")


# ---------------------------------------------------------------------------
# keraslint rule
# ---------------------------------------------------------------------------


def test_rule_documents_every_code_builtin_ones_included(tmp_path: Path) -> None:
    for code in sorted(KNOWN_CODES):
        result = run("rule", code.lower(), cwd=tmp_path)
        assert result.returncode == 0, (code, result.stderr)
        assert re.match(rf"# {code}: [a-z-]+\n", result.stdout), result.stdout[:80]
        assert "## What it does" in result.stdout and "## Why is this bad?" in result.stdout


def test_rule_by_name_prints_what_the_code_prints(tmp_path: Path) -> None:
    by_name = run("rule", "softmax-single-unit", cwd=tmp_path)
    assert by_name.returncode == 0
    assert by_name.stdout == run("rule", "KL101", cwd=tmp_path).stdout
    assert run("rule", "syntax-error", cwd=tmp_path).stdout.startswith("# KL001: syntax-error\n")
    assert run("rule", "unused-noqa", cwd=tmp_path).stdout.startswith("# KL003: unused-noqa\n")


def test_rule_page_is_the_docs_page_with_its_fix(tmp_path: Path) -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "rules" / "KL003.md").read_text(encoding="utf-8")
    shown = run("rule", "KL003", cwd=tmp_path).stdout
    assert shown.replace("Fix: safe\n\n", "") == page


def test_rule_all_prints_every_rules_documentation_in_code_order(tmp_path: Path) -> None:
    result = run("rule", "--all", cwd=tmp_path)
    assert result.returncode == 0
    headers = re.findall(r"^# (KL\d{3}): ", result.stdout, re.MULTILINE)
    assert headers == sorted(KNOWN_CODES)
    assert result.stdout.count("## What it does") == len(KNOWN_CODES)
    documents = json.loads(run("rule", "--all", "--output-format", "json", cwd=tmp_path).stdout)
    assert [d["code"] for d in documents] == sorted(KNOWN_CODES)
    assert all("## What it does" in d["documentation"] for d in documents)


def test_unknown_rule_is_one_line_listing_the_known_codes_sorted(tmp_path: Path) -> None:
    result = run("rule", "KL999", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("keraslint: error: no rule `KL999`")
    listed = _listed_codes(result.stderr)
    assert listed == sorted(KNOWN_CODES)


def test_every_error_listing_codes_lists_them_sorted(tmp_path: Path) -> None:
    result = run("--select", "KL999", cwd=tmp_path)
    assert result.returncode == 2
    assert _listed_codes(result.stderr) == sorted(KNOWN_CODES)
    write(tmp_path, "pyproject.toml", '[tool.keraslint]\nignore = ["KL9"]\n')
    write(tmp_path, "m.py", "import keras\n")
    result = run("m.py", cwd=tmp_path)
    assert result.returncode == 2
    assert _listed_codes(result.stderr) == sorted(KNOWN_CODES)
