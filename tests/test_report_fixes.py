"""Fix edits in every output format: a finding's JSON ``fix`` and SARIF
``fixes`` hold every edit that fixing it makes, its folded findings'
included (as ``--fix`` chooses them), and each folded finding in JSON's
``related`` carries its own fix, in ruff's shape."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run, write

# KL101 (a constant 1-unit softmax) with KL103 (a categorical loss on one
# unit) folded into it: one mistake, two edits.
FOLDED = """\
import keras
model = keras.Sequential([keras.layers.Dense(1, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
"""


def _edit(row: int, old: str, new: str) -> dict:
    column = FOLDED.split("\n")[row - 1].index(old) + 1
    return {
        "content": new,
        "location": {"row": row, "column": column},
        "end_location": {"row": row, "column": column + len(old)},
    }


SOFTMAX_EDIT = _edit(2, '"softmax"', '"sigmoid"')
LOSS_EDIT = _edit(3, '"categorical_crossentropy"', '"binary_crossentropy"')


def _applied(code: str, edits: list[dict]) -> str:
    lines = code.split("\n")
    for edit in sorted(edits, key=lambda e: (e["location"]["row"], e["location"]["column"]), reverse=True):
        start, end = edit["location"], edit["end_location"]
        assert start["row"] == end["row"]
        line = lines[start["row"] - 1]
        lines[start["row"] - 1] = line[: start["column"] - 1] + edit["content"] + line[end["column"] - 1 :]
    return "\n".join(lines)


def test_json_lists_the_folded_findings_fix_with_the_roots(tmp_path: Path) -> None:
    write(tmp_path, "m.py", FOLDED)
    (item,) = json.loads(run("check", "--output-format", "json", "m.py", cwd=tmp_path).stdout)
    assert item["code"] == "KL101"
    assert item["fix"]["applicability"] == "unsafe"  # KL103's part is unsafe
    assert item["fix"]["edits"] == [SOFTMAX_EDIT, LOSS_EDIT]
    (folded,) = [r for r in item["related"] if r["code"] == "KL103"]
    assert folded["fix"]["applicability"] == "unsafe"
    assert folded["fix"]["edits"] == [LOSS_EDIT]
    # Applying the edits listed is what --fix --unsafe-fixes writes.
    write(tmp_path, "n.py", FOLDED)
    run("--fix", "--unsafe-fixes", "n.py", cwd=tmp_path)
    assert _applied(FOLDED, item["fix"]["edits"]) == (tmp_path / "n.py").read_text()


def test_sarif_lists_every_edit_of_the_fix(tmp_path: Path) -> None:
    write(tmp_path, "m.py", FOLDED)
    document = json.loads(run("check", "--output-format", "sarif", "m.py", cwd=tmp_path).stdout)
    (result,) = document["runs"][0]["results"]
    (fix,) = result["fixes"]
    assert fix["properties"] == {"applicability": "unsafe", "folded": ["KL103"]}
    (change,) = fix["artifactChanges"]
    assert [(r["deletedRegion"], r["insertedContent"]["text"]) for r in change["replacements"]] == [
        (
            {
                "startLine": edit["location"]["row"],
                "startColumn": edit["location"]["column"],
                "endLine": edit["end_location"]["row"],
                "endColumn": edit["end_location"]["column"],
            },
            edit["content"],
        )
        for edit in (SOFTMAX_EDIT, LOSS_EDIT)
    ]


def test_json_and_sarif_list_the_three_edits_of_kl205s_fix(tmp_path: Path) -> None:
    code = """\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, y)
"""
    write(tmp_path, "m.py", code)
    (item,) = json.loads(run("check", "--output-format", "json", "m.py", cwd=tmp_path).stdout)
    assert item["code"] == "KL205" and item["fix"]["applicability"] == "unsafe"
    assert [edit["content"] for edit in item["fix"]["edits"]] == [
        "10",
        '"softmax"',
        '"sparse_categorical_crossentropy"',
    ]
    fixed = _applied(code, item["fix"]["edits"])
    assert 'keras.layers.Dense(10, activation="softmax")' in fixed
    document = json.loads(run("check", "--output-format", "sarif", "m.py", cwd=tmp_path).stdout)
    (change,) = document["runs"][0]["results"][0]["fixes"][0]["artifactChanges"]
    assert len(change["replacements"]) == 3
