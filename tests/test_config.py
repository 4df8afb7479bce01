"""``[tool.keraslint]`` in pyproject.toml, the command line over it, errors."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from helpers import BUGGY, TYPO, findings, run, write


def pyproject(root: Path, body: str) -> Path:
    return write(root, "pyproject.toml", f"[project]\nname = 'demo'\n\n[tool.keraslint]\n{body}\n")


def files(output: str) -> list[str]:
    return sorted({line.split(":")[0] for line in findings(output)})


def test_select_ignore_and_extend_select_from_the_file(tmp_path: Path) -> None:
    write(tmp_path, "a.py", BUGGY)
    write(tmp_path, "b.py", TYPO)
    pyproject(tmp_path, 'select = ["KL3"]')
    assert [line.split()[1] for line in findings(run(cwd=tmp_path).stdout)] == ["KL301"]
    pyproject(tmp_path, 'ignore = ["KL301"]')
    assert [line.split()[1] for line in findings(run(cwd=tmp_path).stdout)] == ["KL101"]
    pyproject(tmp_path, 'select = ["KL1"]\nextend-select = ["KL301"]')
    assert [line.split()[1] for line in findings(run(cwd=tmp_path).stdout)] == ["KL101", "KL301"]


def test_command_line_overrides_the_file(tmp_path: Path) -> None:
    write(tmp_path, "a.py", BUGGY)
    pyproject(tmp_path, 'select = ["KL3"]')
    assert run(cwd=tmp_path).stdout == "All checks passed!\n"
    assert " KL101 " in run("--select", "KL1", cwd=tmp_path).stdout


def test_config_is_found_walking_up_from_the_checked_path(tmp_path: Path) -> None:
    write(tmp_path, "proj/src/deep/a.py", BUGGY)
    pyproject(tmp_path / "proj", 'ignore = ["KL101"]')
    assert run("proj/src/deep/a.py", cwd=tmp_path).stdout == "All checks passed!\n"
    assert " KL101 " in run("--isolated", "proj/src/deep/a.py", cwd=tmp_path).stdout


def test_explicit_config_file(tmp_path: Path) -> None:
    write(tmp_path, "a.py", BUGGY)
    other = write(tmp_path, "configs/pyproject.toml", '[tool.keraslint]\nignore = ["KL1"]\n')
    assert run("--config", str(other), "a.py", cwd=tmp_path).stdout == "All checks passed!\n"
    missing = run("--config", "nope.toml", "a.py", cwd=tmp_path)
    assert missing.returncode == 2 and "nope.toml: no such configuration file" in missing.stderr


def test_per_file_ignores(tmp_path: Path) -> None:
    write(tmp_path, "tests/test_model.py", BUGGY)
    write(tmp_path, "src/model.py", BUGGY)
    pyproject(tmp_path, '[tool.keraslint.per-file-ignores]\n"tests/*.py" = ["KL101"]')
    assert files(run(cwd=tmp_path).stdout) == ["src/model.py"]


def test_exclude_extend_exclude_and_force_exclude(tmp_path: Path) -> None:
    write(tmp_path, "generated/model.py", BUGGY)
    write(tmp_path, "notebooks/old.py", BUGGY)
    write(tmp_path, "build/model.py", BUGGY)
    write(tmp_path, "src/model.py", BUGGY)
    pyproject(tmp_path, 'extend-exclude = ["generated", "notebooks/*.py"]')
    assert files(run(cwd=tmp_path).stdout) == ["src/model.py"]
    # Named on the command line, an excluded file is still checked ...
    assert files(run("generated/model.py", cwd=tmp_path).stdout) == ["generated/model.py"]
    # ... unless force-exclude says otherwise (what pre-commit needs).
    pyproject(tmp_path, 'extend-exclude = ["generated"]\nforce-exclude = true')
    assert run("generated/model.py", cwd=tmp_path).stdout == "All checks passed!\n"
    # `exclude` replaces the defaults: build/ is checked again.
    pyproject(tmp_path, 'exclude = ["generated", "notebooks"]')
    assert files(run(cwd=tmp_path).stdout) == ["build/model.py", "src/model.py"]


def test_respect_gitignore(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path, ".gitignore", "scratch/\n")
    write(tmp_path, "scratch/model.py", BUGGY)
    write(tmp_path, "src/model.py", BUGGY)
    assert files(run(cwd=tmp_path).stdout) == ["src/model.py"]
    assert files(run("--no-respect-gitignore", cwd=tmp_path).stdout) == ["scratch/model.py", "src/model.py"]
    pyproject(tmp_path, "respect-gitignore = false")
    assert files(run(cwd=tmp_path).stdout) == ["scratch/model.py", "src/model.py"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("selct = ['KL1']", "unknown key `selct` (allowed: exclude, extend-exclude, extend-select, force-exclude"),
        ("select = ['KL999']", "`select`: unknown rule selector `KL999`"),
        ("select = 'KL1'", "`select` must be a list of rule codes or prefixes, got 'KL1'"),
        ("respect-gitignore = 'yes'", "`respect-gitignore` must be true or false, got 'yes'"),
        ("per-file-ignores = ['x']", "`per-file-ignores` must be a table of glob = list of rule codes"),
        ("select = [", "invalid TOML"),
    ],
)
def test_configuration_errors_are_one_clear_line(tmp_path: Path, body: str, message: str) -> None:
    write(tmp_path, "a.py", BUGGY)
    path = pyproject(tmp_path, body)
    result = run("a.py", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(path) in result.stderr or "invalid TOML" in message
    assert message in result.stderr


def test_show_settings_names_where_each_value_comes_from(tmp_path: Path) -> None:
    path = pyproject(tmp_path, 'ignore = ["KL102"]\nforce-exclude = true')
    out = run("--show-settings", "--select", "KL1", cwd=tmp_path).stdout
    lines = {line.split("=")[0].strip(): line for line in out.splitlines()}
    assert lines["select"].endswith("# from command line") and '"KL1"' in lines["select"]
    assert lines["ignore"].endswith(f"# from {path}")
    assert lines["force-exclude"].startswith("force-exclude") and "true" in lines["force-exclude"]
    assert lines["respect-gitignore"].endswith("# from default")
