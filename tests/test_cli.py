"""The ``keraslint`` command as a user runs it: a subprocess."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import BUGGY, CLEAN, TYPO, findings, run, write
from keraslint import __version__
from keraslint.rules import ALL_RULES


def test_finding_is_printed_flake8_style_and_exit_is_1(tmp_path: Path) -> None:
    write(tmp_path, "churn.py", BUGGY)
    result = run("churn.py", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == ""
    line, *summary = result.stdout.splitlines()
    assert summary == ["Found 1 error.", "[*] 1 fixable with `--fix`."]
    assert line.startswith("churn.py:4:38: KL101 [*] `softmax` over a single unit always outputs 1.0")
    assert "(loss `binary_crossentropy` at line 6)" in line
    assert line.endswith("use `sigmoid` for a binary output, or one unit per class with `softmax`")


def test_clean_file_exits_0_and_says_so(tmp_path: Path) -> None:
    write(tmp_path, "ok.py", CLEAN)
    result = run("ok.py", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "All checks passed!\n", "")


def test_default_path_is_current_directory_walked_recursively(tmp_path: Path) -> None:
    write(tmp_path, "pkg/deep/model.py", BUGGY)
    write(tmp_path, "pkg/ok.py", CLEAN)
    result = run(cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith(str(Path("pkg", "deep", "model.py")) + ":4:38: KL101")


def test_hidden_and_virtualenv_directories_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, ".hidden/model.py", BUGGY)
    write(tmp_path, "venv/lib/model.py", BUGGY)
    write(tmp_path, "myenv/pyvenv.cfg", "home = /usr\n")
    write(tmp_path, "myenv/lib/model.py", BUGGY)
    write(tmp_path, "node_modules/model.py", BUGGY)
    write(tmp_path, "src/model.py", BUGGY)
    result = run(".", cwd=tmp_path)
    files = {line.split(":")[0] for line in findings(result.stdout)}
    assert files == {str(Path("src", "model.py"))}


def test_explicit_hidden_file_is_checked(tmp_path: Path) -> None:
    write(tmp_path, ".hidden/model.py", BUGGY)
    assert run(".hidden/model.py", cwd=tmp_path).returncode == 1


def test_output_is_sorted_by_path_then_position(tmp_path: Path) -> None:
    write(tmp_path, "b.py", BUGGY + TYPO.replace("model", "other"))
    write(tmp_path, "a.py", TYPO)
    result = run("b.py", "a.py", cwd=tmp_path)
    keys = [(line.split(":")[0], int(line.split(":")[1])) for line in findings(result.stdout)]
    # By path whatever the order of the arguments, as ruff reports.
    assert [k[0] for k in keys] == ["a.py", "b.py", "b.py"]
    assert keys[1][1] < keys[2][1]
    assert run("a.py", "b.py", cwd=tmp_path).stdout == result.stdout


def test_output_is_sorted_folder_by_folder(tmp_path: Path) -> None:
    write(tmp_path, "b/x.py", TYPO)
    write(tmp_path, "a/z/y.py", TYPO)
    write(tmp_path, "a_c.py", TYPO)
    result = run("b", "a_c.py", "a", cwd=tmp_path)
    assert [line.split(":")[0] for line in findings(result.stdout)] == ["a/z/y.py", "a_c.py", "b/x.py"]


def test_typo_suggests_the_closest_loss(tmp_path: Path) -> None:
    write(tmp_path, "t.py", TYPO)
    result = run("t.py", cwd=tmp_path)
    assert "t.py:3:38: KL301 [*] unknown loss `categorical_cross_entropy`" in result.stdout
    assert "did you mean `categorical_crossentropy`?" in result.stdout


def test_select_and_ignore_by_prefix(tmp_path: Path) -> None:
    write(tmp_path, "m.py", BUGGY)
    write(tmp_path, "t.py", TYPO)
    assert "KL301" not in run("--select", "KL1", ".", cwd=tmp_path).stdout
    only_typo = run("--select", "KL3", ".", cwd=tmp_path)
    assert "KL301" in only_typo.stdout and "KL101" not in only_typo.stdout
    ignored = run("--ignore", "KL101,KL301", ".", cwd=tmp_path)
    assert (ignored.returncode, ignored.stdout) == (0, "All checks passed!\n")
    specific = run("--ignore", "KL1", "--select", "KL101", ".", cwd=tmp_path)
    assert "KL101" in specific.stdout and "KL301" not in specific.stdout


def test_unknown_selector_is_a_usage_error(tmp_path: Path) -> None:
    result = run("--select", "KL999", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown rule selector `KL999`" in result.stderr
    assert "Traceback" not in result.stderr


def test_exit_zero(tmp_path: Path) -> None:
    write(tmp_path, "m.py", BUGGY)
    result = run("--exit-zero", "m.py", cwd=tmp_path)
    assert result.returncode == 0 and "KL101" in result.stdout


def test_bad_option_is_exit_2(tmp_path: Path) -> None:
    assert run("--no-such-option", cwd=tmp_path).returncode == 2


def test_version(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert result.stdout.strip() == f"keraslint {__version__}"


def test_list_rules_shows_every_code_and_summary(tmp_path: Path) -> None:
    result = run("--list-rules", cwd=tmp_path)
    assert result.returncode == 0
    for rule in ALL_RULES:
        assert f"{rule.CODE}  {rule.NAME}" in result.stdout
        assert rule.SUMMARY in result.stdout
    assert "KL001" in result.stdout and "KL002" in result.stdout


def test_explain_prints_the_rule_documentation(tmp_path: Path) -> None:
    result = run("--explain", "kl104", cwd=tmp_path)
    assert result.returncode == 0
    assert "## Why is this bad?" in result.stdout and "hinge" in result.stdout
    assert run("--explain", "KL999", cwd=tmp_path).returncode == 2


def test_syntax_error_is_kl001_and_other_files_are_still_checked(tmp_path: Path) -> None:
    write(tmp_path, "a_broken.py", "import keras\nmodel = keras.Sequential([\n")
    write(tmp_path, "b_model.py", BUGGY)
    result = run(".", cwd=tmp_path)
    assert result.returncode == 1
    lines = findings(result.stdout)
    # Python's own wording, which differs between versions ("'[' was never
    # closed" on 3.10+, "unexpected EOF while parsing" on 3.9).
    assert re.match(r"a_broken\.py:2:\d+: KL001 syntax error: \S", lines[0]), lines[0]
    assert " KL101 " in lines[1]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"import keras\nx = '\xff\xfe'\n", "cannot decode as utf-8"),
        (b"# -*- coding: klingon -*-\nimport keras\n", "unknown encoding"),
    ],
)
def test_undecodable_file_is_kl002(tmp_path: Path, content: bytes, reason: str) -> None:
    write(tmp_path, "bad.py", content)
    write(tmp_path, "good.py", BUGGY)
    result = run("bad.py", "good.py", cwd=tmp_path)
    assert result.returncode == 1
    first, second = findings(result.stdout)
    assert first.startswith("bad.py:1:1: KL002 cannot read file:") and reason in first
    assert second.startswith("good.py:4:38: KL101")


def test_latin1_file_with_coding_cookie_is_read(tmp_path: Path) -> None:
    write(tmp_path, "l1.py", ("# -*- coding: latin-1 -*-\n# caf\xe9\n" + BUGGY).encode("latin-1"))
    result = run("l1.py", cwd=tmp_path)
    assert "l1.py:6:38: KL101" in result.stdout


def test_missing_path_is_kl002_and_others_still_checked(tmp_path: Path) -> None:
    write(tmp_path, "good.py", BUGGY)
    result = run("nope.py", "good.py", cwd=tmp_path)
    assert result.returncode == 1
    assert "nope.py:1:1: KL002 cannot read file: No such file or directory" in result.stdout
    assert "good.py:4:38: KL101" in result.stdout


def test_never_writes_outside_its_cache(tmp_path: Path) -> None:
    write(tmp_path, "m.py", BUGGY)
    write(tmp_path, "pyproject.toml", "[project]\nname = 'm'\n")  # the top of a project
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    run(".", cwd=tmp_path)
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert [p for p in after if p.parts[0] != ".keraslint_cache"] == before
    assert (tmp_path / ".keraslint_cache" / ".gitignore").read_text().endswith("*\n")
    run(".", "--no-cache", cwd=tmp_path / ".keraslint_cache")  # nothing to check there
    shutil.rmtree(tmp_path / ".keraslint_cache")
    run(".", "--no-cache", cwd=tmp_path)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_real_world_script_reruns_and_flags_unjudged_findings(tmp_path: Path) -> None:
    """benchmarks/real_world.py: the table docs/real-world.md records, rebuilt
    from a folder of sources without the network."""
    write(tmp_path, "src/churn.py", BUGGY)
    write(tmp_path, "src/ok.py", CLEAN)
    script = Path(__file__).resolve().parent.parent / "benchmarks" / "real_world.py"
    verdicts = write(tmp_path, "verdicts.md", "| `churn.py` | 4 | KL101 | true problem: always 1.0 | x |\n")
    judged = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "src"), "--verdicts", str(verdicts)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert judged.returncode == 0, judged.stderr
    assert "2 Python files and 0 notebooks checked" in judged.stdout
    assert "| `churn.py` | 4 | KL101 | true problem: always 1.0 |" in judged.stdout
    write(tmp_path, "src/typo.py", TYPO)
    unjudged = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "src"), "--verdicts", str(verdicts)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert unjudged.returncode == 1
    assert "| `typo.py` | 3 | KL301 | NEW: not judged yet |" in unjudged.stdout


def test_rule_subcommand_prints_documentation(tmp_path: Path) -> None:
    result = run("rule", "KL101", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("# KL101: softmax-single-unit")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "Use instead:", "## Fix safety"):
        assert heading in result.stdout
    assert run("rule", "KL999", cwd=tmp_path).returncode == 2


def test_rule_all_lists_codes_names_summaries_and_fixes(tmp_path: Path) -> None:
    import json

    text = run("--list-rules", cwd=tmp_path).stdout
    assert "KL101  softmax-single-unit" in text and "fix: sometimes" in text
    assert "KL003  unused-noqa" in text and "(opt-in)" in text
    rows = json.loads(run("rule", "--all", "--output-format", "json", cwd=tmp_path).stdout)
    by_code = {row["code"]: row for row in rows}
    assert set(by_code) >= {rule.CODE for rule in ALL_RULES} | {"KL001", "KL002", "KL003"}
    assert by_code["KL301"]["fix"] == "sometimes" and by_code["KL105"]["fix"] == "unsafe"
    assert by_code["KL003"]["default"] is False
