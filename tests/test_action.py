"""action.yml: valid for GitHub (SchemaStore schema, actionlint, shellcheck),
and its steps, run here as the runner runs them, install keraslint from this
checkout and report as documented."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from actions import (
    ACTION_FILE,
    UPLOAD_SARIF_INPUTS,
    ActionRun,
    action_as_workflow,
    actionlint,
    check_jsonschema,
    snapshot,
    workflow_repo,
)
from helpers import BUGGY, CLEAN, findings, write
from keraslint import __version__

ACTION_TEXT = ACTION_FILE.read_text()
ACTION = yaml.safe_load(ACTION_TEXT)
STEP_IDS = [step.get("id") for step in ACTION["runs"]["steps"]]
AFTER_INSTALL = STEP_IDS.index("install") + 1


# The metadata ------------------------------------------------------------------


def test_action_matches_the_schemastore_schema(tmp_path: Path) -> None:
    result = check_jsonschema("vendor.github-actions", ACTION_FILE)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "action.yml"
    broken.write_text(ACTION_TEXT.replace("using: composite", "using: compsite"))
    assert check_jsonschema("vendor.github-actions", broken).returncode == 1


def test_action_steps_pass_actionlint_and_shellcheck(tmp_path: Path) -> None:
    result = actionlint(workflow_repo(tmp_path / "ok", {"action.yml": action_as_workflow(ACTION)}))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    # shellcheck does run on the scripts: an unquoted expansion is reported.
    unquoted = yaml.safe_load(ACTION_TEXT.replace('run: exit "$STATUS"', "run: exit $STATUS"))
    result = actionlint(workflow_repo(tmp_path / "unquoted", {"action.yml": action_as_workflow(unquoted)}))
    assert result.returncode == 1 and "SC2086" in result.stdout, result.stdout


def test_a_workflow_gets_its_inputs_checked_against_the_action(tmp_path: Path) -> None:
    def workflow(inputs: dict[str, str]) -> str:
        steps = [{"uses": "actions/checkout@v6"}, {"uses": "./", "with": inputs}]
        job = {"runs-on": "ubuntu-latest", "permissions": {"security-events": "write"}, "steps": steps}
        return yaml.safe_dump({"on": "push", "jobs": {"lint": job}})

    every = {"args": "--select KL1 src", "version": "", "sarif": "k.sarif", "working-directory": "."}
    result = actionlint(workflow_repo(tmp_path / "ok", {"w.yml": workflow(every)}, ACTION_TEXT))
    assert (result.returncode, result.stdout) == (0, "")
    result = actionlint(workflow_repo(tmp_path / "typo", {"w.yml": workflow({"sarif_file": "k.sarif"})}, ACTION_TEXT))
    assert result.returncode == 1 and 'input "sarif_file" is not defined in action "keraslint"' in result.stdout


def test_the_upload_step_gives_upload_sarif_its_own_inputs() -> None:
    (upload,) = [step for step in ACTION["runs"]["steps"] if "upload-sarif" in step.get("uses", "")]
    assert upload["uses"] == "github/codeql-action/upload-sarif@v4"
    assert set(upload["with"]) <= UPLOAD_SARIF_INPUTS
    assert upload["with"]["sarif_file"] == "${{ steps.lint.outputs.sarif-file }}"


def test_inputs_never_reach_a_script_text() -> None:
    """Inputs are passed as environment variables: `${{ inputs.args }}`
    pasted into a script would run whatever an argument holds."""
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step["name"]


# The steps, run ------------------------------------------------------------------


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The install step, once for the module: (runner temp, its outputs)."""
    runner_temp = tmp_path_factory.mktemp("runner-temp")
    action_path = snapshot(tmp_path_factory.mktemp("action"))
    run = ActionRun(tmp_path_factory.mktemp("workspace"), runner_temp, {}, action_path=action_path)
    (result,) = [run.run_step(ACTION["runs"]["steps"][0])]
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith(f"keraslint {__version__}")
    return runner_temp, run.steps["install"]


def lint(workspace: Path, installed: tuple[Path, dict[str, str]], **inputs: str) -> tuple[ActionRun, list]:
    runner_temp, outputs = installed
    run = ActionRun(workspace, runner_temp, inputs)
    run.steps["install"] = dict(outputs)
    return run, run.run(AFTER_INSTALL)


def test_install_step_installs_this_checkout_into_a_venv_of_its_own(installed: tuple[Path, dict[str, str]]) -> None:
    runner_temp, outputs = installed
    python = Path(outputs["python"])
    assert python.parent.parent == runner_temp / "keraslint-venv"
    shown = subprocess.run(
        [str(python), "-c", "import keraslint; print(keraslint.__file__)"], capture_output=True, text=True, check=True
    )
    # A real install (site-packages), not an editable one.
    assert "site-packages" in shown.stdout


def test_findings_fail_the_action_with_keraslint_s_status(
    tmp_path: Path, installed: tuple[Path, dict[str, str]]
) -> None:
    write(tmp_path, "m.py", BUGGY)
    write(tmp_path, "clean.py", CLEAN)
    run, results = lint(tmp_path, installed)
    lint_step, exit_step = results
    assert lint_step.returncode == 0  # the status is kept for the last step
    assert lint_step.stdout.startswith("m.py:4:38: KL101 [*] `softmax` over a single unit")
    assert lint_step.stdout.endswith("\nFound 1 error.\n[*] 1 fixable with `--fix`.\n")
    assert "clean.py" not in lint_step.stdout
    assert run.output("exit-code") == "1" and run.output("sarif-file") == ""
    assert exit_step.returncode == 1


def test_clean_code_passes(tmp_path: Path, installed: tuple[Path, dict[str, str]]) -> None:
    write(tmp_path, "clean.py", CLEAN)
    run, results = lint(tmp_path, installed)
    assert [r.returncode for r in results] == [0, 0]
    assert run.output("exit-code") == "0"


def test_sarif_is_written_and_handed_to_upload_sarif(tmp_path: Path, installed: tuple[Path, dict[str, str]]) -> None:
    write(tmp_path, "ml models/m.py", BUGGY)
    write(tmp_path, "other/m.py", BUGGY)
    # Quoted words stay one argument; the log keeps the format asked for and
    # the SARIF run gets its own.
    run, results = lint(tmp_path, installed, args='--output-format github "ml models"', sarif="reports/keraslint.sarif")
    lint_step, upload, exit_step = results
    assert lint_step.stdout.startswith("::warning title=KL101,file=ml models/m.py,line=4,col=38,")
    assert "other/m.py" not in lint_step.stdout
    sarif = tmp_path / "reports" / "keraslint.sarif"
    assert run.output("sarif-file") == str(sarif)
    (result,) = json.loads(sarif.read_text())["runs"][0]["results"]
    assert result["ruleId"] == "KL101"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "ml%20models/m.py"
    assert upload.returncode is None and upload.with_ == {"sarif_file": str(sarif), "category": "keraslint"}
    assert exit_step.returncode == 1


def test_working_directory_and_a_warning_about_sarif_paths(
    tmp_path: Path, installed: tuple[Path, dict[str, str]]
) -> None:
    write(tmp_path, "project/m.py", BUGGY)
    run, results = lint(tmp_path, installed, **{"working-directory": "project", "sarif": "k.sarif"})
    first, warning = findings(results[0].stdout)
    assert first.startswith("m.py:4:38: KL101 ")
    assert warning.startswith("::warning title=keraslint::the SARIF paths are relative to working-directory")
    assert run.output("sarif-file") == str(tmp_path / "project" / "k.sarif")


def test_a_usage_error_uploads_nothing(tmp_path: Path, installed: tuple[Path, dict[str, str]]) -> None:
    write(tmp_path, "m.py", BUGGY)
    run, results = lint(tmp_path, installed, args="--select NOPE .", sarif="k.sarif")
    assert [r.step["name"] for r in results] == ["Run keraslint", "Exit with keraslint's status"]
    assert "NOPE" in results[0].stderr
    assert run.output("exit-code") == "2" and run.output("sarif-file") == ""
    assert results[-1].returncode == 2


def test_args_are_words_never_shell_code(tmp_path: Path, installed: tuple[Path, dict[str, str]]) -> None:
    write(tmp_path, "m.py", BUGGY)
    run, results = lint(tmp_path, installed, args="m.py '$(touch one)' `touch two`; touch three")
    assert not any((tmp_path / name).exists() for name in ("one", "two", "three", "three;"))
    # keraslint was given the words as paths and says they do not exist.
    assert "$(touch one)" in results[0].stdout + results[0].stderr
    assert run.output("exit-code") in {"1", "2"}


def test_without_python_the_action_says_what_to_add(tmp_path: Path) -> None:
    run = ActionRun(tmp_path, tmp_path, {}, path=[str(tmp_path / "empty")])
    (result,) = run.run()
    assert result.returncode == 2
    assert "::error title=keraslint::keraslint needs Python 3.9 or newer: add actions/setup-python" in result.stdout


def test_version_installs_that_release_from_the_index(tmp_path: Path) -> None:
    """`version` asks the index for `keraslint==VERSION`. keraslint is not on
    PyPI yet, so the index here is a folder of wheels built from this checkout
    (pip's own --find-links): the same request pip sends to PyPI."""
    wheels = tmp_path / "wheels"
    source = snapshot(tmp_path / "source")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "-w", str(wheels), str(source)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    run = ActionRun(tmp_path, tmp_path, {"version": __version__})
    install = ACTION["runs"]["steps"][0]
    offline = {**install, "env": {**install["env"], "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheels)}}
    result = run.run_step(offline)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith(f"keraslint {__version__}")
    missing = ActionRun(tmp_path / "other", tmp_path / "other", {"version": "0.0.0"})
    (tmp_path / "other").mkdir()
    result = missing.run_step({**offline, "env": {**offline["env"], "VENV": str(tmp_path / "other" / "venv")}})
    assert result.returncode != 0 and "keraslint==0.0.0" in result.stderr
