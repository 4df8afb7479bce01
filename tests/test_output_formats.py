"""Every ``--output-format``, checked the way its consumer reads it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from helpers import BUGGY, TYPO, run, write

SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
NOTEBOOK = json.dumps(
    {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "# churn"},
            {"cell_type": "code", "metadata": {}, "source": BUGGY},
        ],
        "metadata": {},
    }
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path, "churn.py", BUGGY)
    write(tmp_path, "typo.py", TYPO)
    write(tmp_path, "nb.ipynb", NOTEBOOK)
    return tmp_path


def test_concise_is_the_default(project: Path) -> None:
    result = run(".", cwd=project)
    assert result.stdout.splitlines()[0].startswith("churn.py:4:38: KL101 ")
    assert result.stdout.splitlines()[1].startswith("nb.ipynb:cell 2:4:38: KL101 ")


def test_full_shows_the_line_a_caret_and_the_hint(project: Path) -> None:
    out = run("churn.py", "--output-format", "full", cwd=project).stdout
    assert out.splitlines()[:4] == [
        "churn.py:4:38: KL101 [*] `softmax` over a single unit always outputs 1.0, so the model learns nothing "
        "(loss `binary_crossentropy` at line 6)",
        "  |",
        '4 |     keras.layers.Dense(1, activation="softmax"),',
        "  |                                      ^^^^^^^^^",
    ]
    assert "  = help: use `sigmoid` for a binary output" in out


def test_json_has_positions_and_cells(project: Path) -> None:
    result = run(".", "--output-format", "json", cwd=project)
    assert result.returncode == 1
    items = json.loads(result.stdout)
    by_file = {item["filename"]: item for item in items}
    churn = by_file["churn.py"]
    assert churn["code"] == "KL101"
    assert churn["location"] == {"row": 4, "column": 38}
    assert churn["end_location"] == {"row": 4, "column": 47}
    assert churn["cell"] is None
    assert churn["url"].endswith("docs/rules/KL101.md")
    assert set(churn) >= {"code", "message", "filename", "location", "end_location", "fix"}
    notebook = by_file["nb.ipynb"]
    assert (notebook["cell"], notebook["location"]) == (2, {"row": 4, "column": 38})


def test_json_lines_is_one_object_per_line(project: Path) -> None:
    lines = run(".", "--output-format", "json-lines", cwd=project).stdout.splitlines()
    assert len(lines) == 3
    assert [json.loads(line)["code"] for line in lines] == ["KL101", "KL101", "KL301"]


def test_sarif_validates_against_the_oasis_schema(project: Path) -> None:
    document = json.loads(run(".", "--output-format", "sarif", cwd=project).stdout)
    jsonschema.validate(document, json.loads(SCHEMA.read_text()))
    run_ = document["runs"][0]
    rules = {rule["id"]: rule for rule in run_["tool"]["driver"]["rules"]}
    assert rules["KL101"]["helpUri"].endswith("docs/rules/KL101.md")
    assert "## Why is this bad?" in rules["KL101"]["help"]["text"]
    results = run_["results"]
    assert {r["ruleId"] for r in results} == {"KL101", "KL301"}
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (4, 38)
    assert run_["tool"]["driver"]["rules"][results[0]["ruleIndex"]]["id"] == results[0]["ruleId"]


def test_sarif_with_no_findings_is_valid_too(tmp_path: Path) -> None:
    write(tmp_path, "ok.py", "import keras\n")
    document = json.loads(run(".", "--output-format", "sarif", cwd=tmp_path).stdout)
    jsonschema.validate(document, json.loads(SCHEMA.read_text()))
    assert document["runs"][0]["results"] == []


def test_github_workflow_commands(project: Path) -> None:
    lines = run(".", "--output-format", "github", cwd=project).stdout.splitlines()
    pattern = re.compile(
        r"^::warning title=(?P<code>KL\d{3}),file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
        r"endLine=\d+,endColumn=\d+::(?P<message>.+)$"
    )
    parsed = [pattern.match(line) for line in lines]
    assert all(parsed), lines
    first = parsed[0]
    assert first is not None
    assert (first["code"], first["file"], first["line"], first["col"]) == ("KL101", "churn.py", "4", "38")
    assert first["message"].startswith("4:38: KL101 `softmax` over a single unit")


def test_gitlab_code_quality_report(project: Path) -> None:
    issues = json.loads(run(".", "--output-format", "gitlab", cwd=project).stdout)
    assert len(issues) == 3
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
    assert len({issue["fingerprint"] for issue in issues}) == 3
    churn = next(i for i in issues if i["location"]["path"] == "churn.py")
    assert churn["location"]["lines"] == {"begin": 4, "end": 4}
    again = json.loads(run(".", "--output-format", "gitlab", cwd=project).stdout)
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]


def test_stdin_with_a_filename(tmp_path: Path) -> None:
    result = run("-", "--stdin-filename", "src/churn.py", cwd=tmp_path, stdin=BUGGY.encode())
    assert result.returncode == 1
    assert result.stdout.startswith("src/churn.py:4:38: KL101 ")
    anonymous = run("-", cwd=tmp_path, stdin=BUGGY.encode())
    assert anonymous.stdout.startswith("-:4:38: KL101 ")


def test_stdin_notebook_and_bad_bytes(tmp_path: Path) -> None:
    result = run("-", "--stdin-filename", "nb.ipynb", cwd=tmp_path, stdin=NOTEBOOK.encode())
    assert result.stdout.startswith("nb.ipynb:cell 2:4:38: KL101 ")
    bad = run("-", "--stdin-filename", "x.py", cwd=tmp_path, stdin=b"import keras\nx = '\xff'\n")
    assert bad.returncode == 1
    assert bad.stdout.startswith("x.py:1:1: KL002 cannot read file: cannot decode as utf-8")


VSCODE_PROBLEM_MATCHER = r"^(.+?):(\d+):(\d+):\s+(KL\d{3})\s+(?:\[\*\]\s+)?(.*)$"  # docs/editors.md


def test_vscode_problem_matcher_parses_concise_output(project: Path) -> None:
    out = run("churn.py", "typo.py", cwd=project).stdout
    matches = [re.match(VSCODE_PROBLEM_MATCHER, line) for line in out.splitlines()]
    # The summary lines are no problems; the ``[*]`` is not the message.
    assert [m is not None for m in matches] == [True, True, False, False]
    assert [(m[1], m[2], m[3], m[4], m[5][:9]) for m in matches if m] == [
        ("churn.py", "4", "38", "KL101", "`softmax`"),
        ("typo.py", "3", "38", "KL301", "unknown l"),
    ]
    assert VSCODE_PROBLEM_MATCHER in (Path(__file__).resolve().parent.parent / "docs" / "editors.md").read_text()


def test_vim_errorformat_for_flake8_parses_concise_output(project: Path) -> None:
    """Vim's flake8 errorformat, ``%f:%l:%c: %m``, as a regular expression:
    %f a file name, %l and %c numbers, %m the rest."""
    errorformat = "%f:%l:%c: %m"
    assert errorformat in (Path(__file__).resolve().parent.parent / "docs" / "editors.md").read_text()
    regex = "^" + re.escape(errorformat).replace("%f", r"(.+?)").replace("%l", r"(\d+)").replace("%c", r"(\d+)")
    regex = regex.replace("%m", r"(.*)") + "$"
    out = run("churn.py", cwd=project).stdout.splitlines()
    match = re.match(regex, out[0])
    assert match and match.groups()[:3] == ("churn.py", "4", "38")
    assert match[4].startswith("KL101 ")
