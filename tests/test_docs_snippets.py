"""The copy-paste snippets of docs/ do what the pages say."""

from __future__ import annotations

import json
import re
import shlex
import sys
from pathlib import Path

from helpers import BUGGY, findings, run, write

DOCS = Path(__file__).resolve().parent.parent / "docs"


def blocks(page: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", (DOCS / page).read_text(), re.S)


def test_configuration_snippet_is_valid_and_applies(tmp_path: Path) -> None:
    snippet = blocks("configuration.md", "toml")[0]
    write(tmp_path, "pyproject.toml", snippet)
    write(tmp_path, "tests/test_m.py", BUGGY)
    write(tmp_path, "generated/m.py", BUGGY)
    write(tmp_path, "src/m.py", BUGGY + "x = 1  # noqa: KL204\n")
    settings = run("--show-settings", cwd=tmp_path)
    assert settings.returncode == 0, settings.stderr
    result = run(cwd=tmp_path)
    found = sorted((line.split(":")[0], line.split()[1]) for line in findings(result.stdout))
    # tests/ ignores KL101, generated/ is excluded, KL003 reports the unused noqa.
    assert found == [("src/m.py", "KL003"), ("src/m.py", "KL101")]


def test_keraslint_toml_snippet_applies_to_its_project_only(tmp_path: Path) -> None:
    snippet = blocks("configuration.md", "toml")[2]
    assert snippet.startswith("# keraslint.toml\n")
    write(tmp_path, "project/keraslint.toml", snippet)
    write(tmp_path, "project/src/m.py", BUGGY + 'model.compile(optimizer="adam", loss="categorical_cross_entropy")\n')
    write(tmp_path, "project/tests/test_m.py", BUGGY)
    write(tmp_path, "project/generated/m.py", BUGGY)
    write(tmp_path, "other/m.py", BUGGY)
    result = run("project", "other", cwd=tmp_path)
    assert result.stderr == ""
    found = sorted((line.split(":")[0], line.split()[1]) for line in findings(result.stdout))
    # select KL1/KL2 drops the KL301; tests/ ignores KL101 and generated/ is
    # excluded, relative to project/; other/ has no configuration.
    assert found == [("other/m.py", "KL101"), ("project/src/m.py", "KL101")]


def test_notebook_page_example_output(tmp_path: Path) -> None:
    cells = blocks("notebooks.md", "python")
    assert cells[1].startswith("%%time\n")
    write(tmp_path, "train.ipynb", json.dumps({"cells": [{"cell_type": "code", "source": c} for c in cells]}))
    (console,) = blocks("notebooks.md", "console")
    command, output = console.strip().split("\n", 1)
    result = run(*shlex.split(command.removeprefix("$ "))[1:], cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout == output + "\n"


def test_ruff_external_snippet_is_toml_for_ruff() -> None:
    snippet = blocks("configuration.md", "toml")[1]
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    assert tomllib.loads(snippet) == {"tool": {"ruff": {"lint": {"external": ["KL"]}}}}


def test_readme_example_and_its_output() -> None:
    root = DOCS.parent
    readme = (root / "README.md").read_text()
    code = re.search(r"```python\n# examples/churn.py\n(.*?)```", readme, re.S)
    assert code is not None
    assert (root / "examples" / "churn.py").read_text() == code[1]
    shown = re.search(r"\$ keraslint check examples/churn.py\n(.*?)\n\$", readme, re.S)
    assert shown is not None
    assert run("check", "--no-cache", "examples/churn.py", cwd=root).stdout.strip() == shown[1]


def test_security_page_shows_the_git_command_keraslint_runs() -> None:
    from keraslint.discovery import _SAFE_GIT_OPTIONS

    (command,) = [block for block in re.findall(r"```\n(.*?)```", (DOCS / "security.md").read_text(), re.S)]
    assert shlex.split(command) == ["git", *_SAFE_GIT_OPTIONS, "-C", "TREE", "check-ignore", "--stdin", "-z"]


def _trace_example() -> tuple[str, dict[str, str]]:
    """The ``model.py`` of docs/command-line.md's trace section, and each
    command shown on it (there and in docs/output-formats.md) with what the
    page says it prints."""
    page = (DOCS / "command-line.md").read_text()
    section = page[page.index("## The trace\n") : page.index("## Statistics\n")]
    (code,) = re.findall(r"```python\n# model\.py\n(.*?)```", section, re.S)
    shown: dict[str, str] = {}
    for text in (section, (DOCS / "output-formats.md").read_text()):
        for command, output in re.findall(r"```console\n\$ (keraslint [^\n]*model\.py)\n(.*?)```", text, re.S):
            assert shown.setdefault(command, output) == output, command  # both pages agree
    return code, shown


def test_trace_examples_are_what_keraslint_prints(tmp_path: Path) -> None:
    code, shown = _trace_example()
    assert sorted(shown) == [
        "keraslint check --output-format full model.py",
        "keraslint check --show-trace model.py",
    ]
    write(tmp_path, "model.py", code)
    for command, output in shown.items():
        result = run(*shlex.split(command)[1:], "--no-cache", cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert result.stdout == output, command
    # The example shows what the section says: a call step and a default.
    assert (
        "    model.py:12:15: build(len(CLASSES)) passes units = 4\n" in shown["keraslint check --show-trace model.py"]
    )
    assert shown["keraslint check --show-trace model.py"].count('activation = "softmax"') == 1
