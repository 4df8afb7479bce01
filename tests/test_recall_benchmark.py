"""Structure of the recall benchmark (benchmarks/recall.py, benchmarks/recall/cases/).

Checks that every case is well formed and that the scorer runs.  It asserts no recall or
precision figure: those are measurements, reported by the script, and rise as the engine lands.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "recall.py"
CASES_DIR = ROOT / "benchmarks" / "recall" / "cases"
CASES = sorted(p for p in CASES_DIR.iterdir() if p.suffix in (".py", ".ipynb"))
# A case directory (a project split across files) is linted through its main.py.
CASES += sorted(p / "main.py" for p in CASES_DIR.iterdir() if p.is_dir() and (p / "main.py").is_file())

# Sources the project keeps as its independent acceptance set: no case may come from them.
EXCLUDED = (
    "neuralint/neuralint",
    "Wardat-ISU/DeepLocalize",
    "mohmehmo/defects4ml",
    "ArabelaTso/DeepFD",
    "codebasics/deep-learning-keras-tf-tutorial",
    "buomsoo-kim/Easy-deep-learning-with-Keras",
    "czy36mengfei/tensorflow2_tutorials_chinese",
    "susanli2016/Machine-Learning-with-Python",
    "PacktPublishing/Keras-Deep-Learning-Cookbook",
    "dipanjanS/hands-on-transfer-learning-with-python",
    "stefan-jansen/machine-learning-for-trading",
)


def _load_module():
    spec = importlib.util.spec_from_file_location("recall_benchmark", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


recall = _load_module()


def test_there_are_enough_cases():
    cases = [recall.parse_case(p) for p in CASES]
    positives = [c for c in cases if not c.negative]
    negatives = [c for c in cases if c.negative]
    assert len(positives) >= 30
    assert len(negatives) >= 10


@pytest.mark.parametrize("path", CASES, ids=[p.parent.name if p.name == "main.py" else p.stem for p in CASES])
def test_case_is_well_formed(path):
    case = recall.parse_case(path)  # raises MalformedCase on a bad header
    assert re.match(r"^https?://", case.source)
    assert not any(x.lower() in case.source.lower() for x in EXCLUDED)
    assert case.mistake and case.shape
    assert recall.shape_category(case.shape)
    if case.negative:
        assert case.mistake.startswith("none")
    if path.suffix == ".ipynb":
        cells = recall._notebook_cells(path)
        for cell in cells.values():
            ast.parse("\n".join(cell), filename=str(path))
    else:
        text = path.read_text(encoding="utf-8")
        ast.parse(text, filename=str(path))
    for exp in case.expects:
        assert re.match(r"^KL[123]\d\d$", exp.code)
        lines = cells[exp.cell] if path.suffix == ".ipynb" else text.splitlines()
        for n in exp.lines:
            target = lines[n - 1]
            assert target.strip() and not target.lstrip().startswith("#"), (path.name, n)


def test_malformed_case_exits_2(tmp_path, monkeypatch):
    bad = tmp_path / "bad_case.py"
    bad.write_text("# mistake: no source here\n# shape: literal\n# expect: KL101 line 1\nx = 1\n")
    with pytest.raises(recall.MalformedCase):
        recall.parse_case(bad)
    monkeypatch.setattr(recall, "CASES_DIR", tmp_path)
    assert recall.main(["--json"]) == 2


def test_scorer_runs_on_a_few_cases():
    names = ["mnist_mse_softmax", "neg_two_class_softmax_onehot", "katakana_seq2seq_bce"]
    args = [sys.executable, str(SCRIPT), "--json"]
    for n in names:
        args += ["--case", n]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert [r["case"] for r in report["cases"]] == sorted(names)
    s = report["summary"]
    assert s["cases"] == 3 and s["negative_cases"] == 1
    assert s["expected_findings"] == 2
    assert s["true_positives"] + s["false_positives"] == s["findings"]
    for r in report["cases"]:
        assert r["verdict"] in {"ok", "MISS", "partial", "ok+fp", "partial+fp", "FALSE ALARM"}, r


def test_text_report_prints_figures():
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--case", "neg_two_class_softmax_onehot"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 0
    assert "recall" in proc.stdout and "precision" in proc.stdout


def _notebook(path: Path, cells: list[tuple[str, str]]) -> Path:
    path.write_text(
        json.dumps(
            {
                "cells": [
                    {"cell_type": kind, "metadata": {}, "source": text.splitlines(keepends=True)}
                    | ({"execution_count": None, "outputs": []} if kind == "code" else {})
                    for kind, text in cells
                ],
                "metadata": {},
                "nbformat": 4,
                "nbformat_minor": 5,
            }
        )
    )
    return path


NOTEBOOK_CELLS = [
    ("markdown", "# Churn\n"),
    (
        "code",
        "# source: https://example.org/q/1\n# mistake: softmax over one unit\n# shape: notebook; cells\n"
        "# expect: KL101 cell 3 line 3\n"
        "from tensorflow import keras\nfrom tensorflow.keras import layers\n",
    ),
    (
        "code",
        "model = keras.Sequential()\nmodel.add(layers.Dense(8, activation='relu'))\n"
        "model.add(layers.Dense(1, activation='softmax'))\n",
    ),
    ("code", "model.compile(optimizer='adam', loss='binary_crossentropy')\n"),
]


def test_scorer_reads_a_notebook_case(tmp_path):
    case = recall.parse_case(_notebook(tmp_path / "churn_case.ipynb", NOTEBOOK_CELLS))
    assert case.source == "https://example.org/q/1"
    assert [(e.code, e.cell, e.lines) for e in case.expects] == [("KL101", 3, (3,))]
    row = recall.score_case(case)
    assert row["error"] == ""
    assert row["true_positives"] == ["KL101@cell 3:3"], row
    assert row["verdict"] == "ok"


def test_notebook_expectation_must_name_the_finding_cell(tmp_path):
    # The same line number in another cell is not the finding keraslint reports.
    cells = list(NOTEBOOK_CELLS)
    cells[1] = ("code", cells[1][1].replace("cell 3 line 3", "cell 4 line 1"))
    row = recall.score_case(recall.parse_case(_notebook(tmp_path / "moved.ipynb", cells)))
    assert row["missed"] == ["KL101@cell 4:1"] and row["false_positives"] == ["KL101@cell 3:3"]


@pytest.mark.parametrize(
    "expect",
    ["KL101 line 3", "KL101 cell 1 line 1", "KL101 cell 3 line 9"],
    ids=["no-cell", "markdown-cell", "line-out-of-range"],
)
def test_malformed_notebook_expectation(tmp_path, expect):
    cells = list(NOTEBOOK_CELLS)
    cells[1] = ("code", cells[1][1].replace("KL101 cell 3 line 3", expect))
    with pytest.raises(recall.MalformedCase):
        recall.parse_case(_notebook(tmp_path / "bad.ipynb", cells))
