"""Every file is analysed within a budget of steps (deterministic) and
seconds (the backstop); past it the file gets one KL002 line, "too complex",
and the other files are still checked."""

from __future__ import annotations

import sys
from pathlib import Path

import libcst as cst
import pytest

from keraslint import checker
from keraslint.checker import lint_path, lint_text
from keraslint.cli import main
from keraslint.model.budget import Budget, TooComplex
from keraslint.model.extract import extract
from keraslint.rules import ALL_RULES

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from complexity import builder_calls, compiles_under_if, model_fit_pairs  # noqa: E402

SOFTMAX_BCE = (
    "import keras\n"
    "model = keras.Sequential([keras.layers.Dense(1, activation='softmax')])\n"
    "model.compile(loss='binary_crossentropy')\n"
)


def steps_of(code: str) -> tuple[int, int]:
    """The steps ``code`` takes to extract, and to extract and check."""
    budget = Budget()
    file_model = extract(cst.parse_module(code), code, budget)
    extracted = budget.spent
    checker._check_model(file_model, ALL_RULES, [], budget)
    return extracted, budget.spent


def test_a_file_over_the_step_budget_gets_one_kl002_and_nothing_else(monkeypatch: pytest.MonkeyPatch) -> None:
    code = SOFTMAX_BCE + model_fit_pairs(200)
    monkeypatch.setattr(checker, "MAX_ANALYSIS_STEPS", 100)
    result = lint_text("big.py", code)
    assert result.internal_errors == []
    assert [(d.code, d.span.start.line, d.message) for d in result.diagnostics] == [
        ("KL002", 1, "file too complex to analyse (more than 100 analysis steps); skipped")
    ]
    assert result.cacheable  # steps give the same verdict on every run


def test_under_the_budget_the_same_file_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    code = SOFTMAX_BCE + model_fit_pairs(200)
    _, needed = steps_of(code)
    monkeypatch.setattr(checker, "MAX_ANALYSIS_STEPS", needed)
    assert [d.code for d in lint_text("big.py", code).diagnostics] == ["KL101"]
    monkeypatch.setattr(checker, "MAX_ANALYSIS_STEPS", needed - 1)
    assert [d.code for d in lint_text("big.py", code).diagnostics] == ["KL002"]


def test_running_out_while_the_rules_run_is_no_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # The rules spend from the same budget; a rule that runs out is not a
    # crash of that rule, and nothing found before is kept.
    extracted, total = steps_of(SOFTMAX_BCE)
    assert extracted < total
    monkeypatch.setattr(checker, "MAX_ANALYSIS_STEPS", extracted)
    result = lint_text("model.py", SOFTMAX_BCE)
    assert result.internal_errors == []
    assert [d.code for d in result.diagnostics] == ["KL002"]


def test_steps_are_deterministic() -> None:
    code = SOFTMAX_BCE + compiles_under_if(30)
    assert steps_of(code) == steps_of(code)


def test_the_wall_clock_is_a_backstop_and_not_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checker, "MAX_ANALYSIS_SECONDS", 0.0)
    result = lint_text("model.py", SOFTMAX_BCE)
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("KL002", "file too complex to analyse (more than 0 s of analysis); skipped")
    ]
    # Another run, on an idler machine, may finish: not a verdict to cache.
    assert not result.cacheable


def test_files_that_grow_faster_than_linear_are_stopped_by_the_default_budget() -> None:
    # A builder of n layers called n times costs n² steps: at 300 it fits,
    # a hostile 1,000 would take about 10 M steps (minutes) and is stopped.
    # Measured on the extraction alone with a budget of a tenth of the
    # default, so that the test stays fast: the count is what matters.
    fits = builder_calls(100)
    assert steps_of(fits)[1] < checker.MAX_ANALYSIS_STEPS // 10
    budget = Budget(checker.MAX_ANALYSIS_STEPS // 10)
    code = builder_calls(1000)
    with pytest.raises(TooComplex):
        extract(cst.parse_module(code), code, budget)
    assert budget.spent == checker.MAX_ANALYSIS_STEPS // 10 + 1


def test_the_other_files_are_still_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a_complex.py").write_text(SOFTMAX_BCE + model_fit_pairs(300), encoding="utf-8")
    (tmp_path / "b_simple.py").write_text(SOFTMAX_BCE, encoding="utf-8")
    _, simple = steps_of(SOFTMAX_BCE)
    monkeypatch.setattr(checker, "MAX_ANALYSIS_STEPS", simple)
    monkeypatch.chdir(tmp_path)
    status = main(["--no-cache", "--output-format", "concise", "a_complex.py", "b_simple.py"])
    out, err = capsys.readouterr()
    assert status == 1  # findings, not keraslint's own failure
    assert "Traceback" not in out + err
    lines = out.splitlines()
    assert lines[0].startswith("a_complex.py:1:1: KL002 file too complex to analyse (more than ")
    assert any(line.startswith("b_simple.py:2:") and "KL101" in line for line in lines)
    assert not any(line.startswith("a_complex.py") and "KL101" in line for line in lines)


def test_lint_path_reports_too_complex_like_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.py"
    path.write_text(SOFTMAX_BCE, encoding="utf-8")
    monkeypatch.setattr(checker, "MAX_ANALYSIS_STEPS", 1)
    (finding,) = lint_path(str(path)).diagnostics
    assert finding.code == checker.UNREADABLE
    assert finding.span == checker.whole_file()


def test_a_wall_clock_verdict_is_not_written_to_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from keraslint.config import Settings
    from keraslint.runner import check_paths

    (tmp_path / "model.py").write_text(SOFTMAX_BCE)
    cache = tmp_path / "cache"
    monkeypatch.setattr(checker, "MAX_ANALYSIS_SECONDS", 0.0)
    (timed_out,) = check_paths([str(tmp_path / "model.py")], Settings(root=tmp_path), 1, cache)
    assert [d.code for d in timed_out.diagnostics] == ["KL002"]
    assert not list(cache.rglob("*.json"))
    monkeypatch.setattr(checker, "MAX_ANALYSIS_SECONDS", 30.0)
    (checked,) = check_paths([str(tmp_path / "model.py")], Settings(root=tmp_path), 1, cache)
    assert [d.code for d in checked.diagnostics] == ["KL101"]
    assert len(list(cache.rglob("*.json"))) == 1
