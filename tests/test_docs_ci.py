"""docs/ci.md's recipes are valid where they go and do what the page says,
and every install line of the documentation works from where it says."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.requirements import InvalidRequirement, Requirement

from actions import ACTION_FILE, BIN, UPLOAD_SARIF_INPUTS, actionlint, check_jsonschema, snapshot, workflow_repo
from helpers import BUGGY, write
from keraslint import __version__

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CI = DOCS / "ci.md"
REPOSITORY = "https://github.com/keraslint/keraslint"
TAG = f"v{__version__}"
ACTION_USE = re.compile(r"(?m)^(\s*-?\s*uses:\s*)keraslint/keraslint@(\S+)\s*$")


def yaml_blocks(page: Path) -> list[str]:
    return re.findall(r"(?ms)^```yaml\n(.*?)^```", page.read_text())


def ci_blocks(kind: str) -> list[str]:
    return [block for block in yaml_blocks(CI) if block.startswith(f"# {kind}")]


WORKFLOWS = ci_blocks(".github/workflows/")
GITLAB = ci_blocks(".gitlab-ci.yml")


def steps(workflow: str) -> list[dict[str, object]]:
    return [step for job in yaml.safe_load(workflow)["jobs"].values() for step in job["steps"]]


def commands() -> list[str]:
    """Every shell command of the recipes, one per line, comments dropped."""
    scripts = [str(step["run"]) for workflow in WORKFLOWS for step in steps(workflow) if "run" in step]
    scripts += [line for block in GITLAB for job in yaml.safe_load(block).values() for line in job["script"]]
    return [line for script in scripts for line in script.splitlines() if line.strip()]


def test_every_block_of_the_page_is_a_workflow_or_a_gitlab_job() -> None:
    assert len(WORKFLOWS) == 6 and len(GITLAB) == 1
    assert len(yaml_blocks(CI)) == len(WORKFLOWS) + len(GITLAB)


def test_workflows_pass_actionlint_with_the_action_s_inputs_checked(tmp_path: Path) -> None:
    files = {}
    for number, workflow in enumerate(WORKFLOWS):
        refs = ACTION_USE.findall(workflow)
        assert all(ref == TAG for _, ref in refs), refs
        # The action at the documented tag is this checkout's action.yml:
        # actionlint checks the inputs each step gives it.
        files[f"w{number}.yml"] = ACTION_USE.sub(lambda m: m[1] + "./", workflow)
    repo = workflow_repo(tmp_path / "repo", files, ACTION_FILE.read_text())
    result = actionlint(repo)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    # Not vacuous: a misspelled input of the action is reported.
    (repo / ".github" / "workflows" / "w0.yml").write_text(files["w0.yml"].replace("args:", "arg:"))
    result = actionlint(repo)
    assert result.returncode == 1 and 'input "arg" is not defined in action "keraslint"' in result.stdout


def test_workflows_and_the_gitlab_job_match_the_schemastore_schemas(tmp_path: Path) -> None:
    workflows = [write(tmp_path, f"w{n}.yml", text) for n, text in enumerate(WORKFLOWS)]
    gitlab = [write(tmp_path, f"gitlab{n}.yml", text) for n, text in enumerate(GITLAB)]
    for schema, files in (("vendor.github-workflows", workflows), ("vendor.gitlab-ci", gitlab)):
        result = check_jsonschema(schema, *files)
        assert result.returncode == 0, result.stdout + result.stderr


def test_code_scanning_recipes_grant_the_permission_and_upload_what_keraslint_wrote() -> None:
    scanning = [w for w in WORKFLOWS if "sarif" in w]
    assert len(scanning) == 2
    for workflow in scanning:
        (job,) = yaml.safe_load(workflow)["jobs"].values()
        assert job["permissions"]["security-events"] == "write"
        for step in job["steps"]:
            uses = str(step.get("uses", ""))
            if uses.startswith("github/codeql-action/upload-sarif"):
                assert uses == "github/codeql-action/upload-sarif@v4"
                assert set(step["with"]) <= UPLOAD_SARIF_INPUTS
                written = [c for c in commands() if "--output-format sarif" in c]
                assert all(c.endswith(f"> {step['with']['sarif_file']}") for c in written)


def test_gitlab_job_declares_the_report_keraslint_writes() -> None:
    (job,) = yaml.safe_load(GITLAB[0]).values()
    report = job["artifacts"]["reports"]["codequality"]
    assert any(line.endswith(f"--output-format gitlab --exit-zero . > {report}") for line in job["script"])


def run_bash(command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """As GitHub runs a `run:` script (and near enough GitLab's `sh -e`),
    with this test environment's keraslint and pre-commit on PATH."""
    environment = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", **env}
    bash = shutil.which("bash") or "/bin/bash"
    return subprocess.run(
        [bash, "--noprofile", "--norc", "-eo", "pipefail", "-c", command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def check_requirement(command: str) -> None:
    """`pip install "keraslint @ git+https://...@REF"`: this repository at the release tag."""
    (requirement,) = shlex.split(command)[2:]
    parsed = Requirement(requirement)
    assert (parsed.name, parsed.url) == ("keraslint", f"git+{REPOSITORY}@{TAG}")


def test_every_command_of_the_recipes_runs(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write(project, "m.py", BUGGY)
    seen = set()
    for command in commands():
        if command.startswith("#"):
            continue
        if command.startswith('pip install "keraslint @'):
            check_requirement(command)  # installing it for real: test_git_requirement_installs
            seen.add("install")
            continue
        if command == "pip install pre-commit":
            seen.add("pre-commit install")
            continue
        if command.startswith("pre-commit run"):
            # Real pre-commit, in a repository with no hooks: the options exist.
            subprocess.run(["git", "init", "-q", str(tmp_path / "hooks")], check=True)
            write(tmp_path / "hooks", ".pre-commit-config.yaml", "repos: []\n")
            result = run_bash(command, tmp_path / "hooks", PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))
            assert result.returncode == 0, result.stdout + result.stderr
            seen.add("pre-commit")
            continue
        output = tmp_path / "github-output"
        output.write_text("")
        result = run_bash(command, project, GITHUB_OUTPUT=str(output))
        if command.startswith('echo "version='):
            assert result.returncode == 0, result.stderr
            assert output.read_text() == f"version={__version__}\n"
            seen.add("version")
        elif command.startswith("keraslint --output-format github ."):
            assert result.returncode == 1, result.stderr
            assert result.stdout.startswith("::warning title=KL101,file=m.py,line=4,col=38,")
            seen.add("github")
        elif command.startswith("keraslint --output-format sarif --exit-zero . > "):
            assert result.returncode == 0, result.stderr
            report = json.loads((project / command.rpartition("> ")[2]).read_text())
            assert [r["ruleId"] for r in report["runs"][0]["results"]] == ["KL101"]
            seen.add("sarif")
        elif command.startswith("keraslint --output-format gitlab --exit-zero . > "):
            assert result.returncode == 0, result.stderr
            report = json.loads((project / command.rpartition("> ")[2]).read_text())
            assert [issue["check_name"] for issue in report] == ["KL101"]
            seen.add("gitlab")
        else:
            pytest.fail(f"docs/ci.md runs a command this test does not know: {command}")
    assert seen == {"install", "pre-commit install", "pre-commit", "version", "github", "sarif", "gitlab"}


# Install lines, all pages ----------------------------------------------------------

PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
INSTALL = re.compile(r"\b(?:pip|pipx|uv pip|uv tool|uvx)\s+install\s+([^\n`#]+)")
NOT_ON_PYPI = "not on PyPI yet"


def installs(page: Path) -> list[list[str]]:
    """What each install command on the page installs (its words past the options)."""
    found = []
    for match in INSTALL.finditer(page.read_text()):
        words = shlex.split(match[1].split("&&")[0].strip().rstrip(","), posix=True)
        found.append([word for word in words if not word.startswith("-")])
    return found


def from_pypi(word: str) -> bool:
    """Whether ``word`` asks an index for keraslint (not a path, not a URL)."""
    try:
        requirement = Requirement(word)
    except InvalidRequirement:
        return False  # a path: ".", "./keraslint", ".[test]"
    return requirement.name == "keraslint" and requirement.url is None


def test_every_install_of_keraslint_from_pypi_says_it_is_not_published_yet() -> None:
    pages = {page.name: installs(page) for page in PAGES}
    assert ["flake8", "keraslint"] in pages["flake8.md"] and ["keraslint[server]"] in pages["editors.md"]
    needing_pypi = {name for name, found in pages.items() if any(from_pypi(w) for words in found for w in words)}
    assert {"ci.md", "editors.md", "flake8.md", "install.md"} <= needing_pypi
    for name in needing_pypi:
        text = (ROOT / name if name == "README.md" else DOCS / name).read_text()
        assert NOT_ON_PYPI in text or "Once keraslint is on PyPI" in text, name
        assert name == "install.md" or "install.md" in text, f"{name} must link to the working alternative"


def test_install_page_requirements_name_this_repository() -> None:
    (repository,) = [words for words in installs(DOCS / "install.md") if words and "git+" in words[0]]
    requirement = Requirement(repository[0])
    assert (requirement.name, requirement.url) == ("keraslint", f"git+{REPOSITORY}@main")
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert f'Documentation = "{REPOSITORY}/tree/main/docs"' in pyproject


def test_git_requirement_installs(tmp_path: Path) -> None:
    """The documented `keraslint @ git+URL@REF` form, with this checkout as
    the repository and its commit as the ref: pip clones, builds and would
    install keraslint (--dry-run --no-deps: nothing is installed)."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False)
    if head.returncode != 0:
        pytest.skip(f"{ROOT} is not a git checkout")
    # pip's older URL check wants a host: file://localhost/...
    requirement = f"keraslint @ git+file://localhost{ROOT.as_posix()}@{head.stdout.strip()}"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--disable-pip-version-check", requirement],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Would install keraslint-{__version__}" in result.stdout


# pre-commit revs --------------------------------------------------------------------


def test_pre_commit_snippets_lead_with_a_form_that_works_before_the_release() -> None:
    """The `rev:` form names the release tag, in docs/pre-commit.md only and
    after the form that works today (a local hook installing from the git
    URL, run by tests/test_precommit.py); the README shows that one."""
    revs = {page.name: re.findall(r"(?m)^\s*rev:\s*(\S+)", page.read_text()) for page in PAGES}
    assert revs["pre-commit.md"] == [TAG]
    assert all(found == [] for name, found in revs.items() if name != "pre-commit.md")
    page = [yaml.safe_load(b) for b in yaml_blocks(DOCS / "pre-commit.md")]
    assert [config["repos"][0]["repo"] for config in page] == ["local", "local", REPOSITORY]
    readme = [yaml.safe_load(b) for b in yaml_blocks(ROOT / "README.md") if "repos:" in b]
    assert readme == page[:1]
    text = (DOCS / "pre-commit.md").read_text()
    assert text.index("rev: v") > text.index("## After the first release") > text.index("language: python")


def test_the_release_tag_exists_once_the_version_is_released() -> None:
    """The snippets name `v{version}`: while the changelog says the version
    is unreleased, docs/install.md tells users to pin a commit instead; once
    it is released, the tag must exist (docs/releasing.md)."""
    heading = re.search(rf"(?m)^## {re.escape(__version__)}\b.*$", (ROOT / "CHANGELOG.md").read_text())
    assert heading is not None
    if "unreleased" in heading[0]:
        assert "give a commit's full SHA instead" in (DOCS / "install.md").read_text()
        return
    tags = subprocess.run(["git", "tag", "--list", TAG], cwd=ROOT, capture_output=True, text=True, check=False)
    if tags.returncode != 0:
        pytest.skip(f"{ROOT} is not a git checkout")
    assert tags.stdout.split() == [TAG], f"{__version__} is released but the tag {TAG} does not exist"


def test_install_page_clone_lines_install_from_the_clone(tmp_path: Path) -> None:
    """`pip install ./keraslint` (and with the server extra) run beside the
    clone: pip builds this checkout and would install it (--dry-run)."""
    snapshot(tmp_path / "keraslint")  # a clone: pip builds in it
    lines = [words for words in installs(DOCS / "install.md") if words and words[0].startswith("./keraslint")]
    assert [words[0] for words in lines] == ["./keraslint", "./keraslint[server]"]
    for (path,) in lines:
        result = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--disable-pip-version-check", path],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert f"Would install keraslint-{__version__}" in result.stdout


def test_the_ci_cache_is_reused_by_a_fresh_install_on_a_fresh_checkout(tmp_path: Path) -> None:
    """What the cache recipe does: each CI run installs keraslint afresh
    (pip stamps the files with the install time) and checks out the code
    afresh, then restores the cache directory. The second run must read
    the first run's entries, not write a second set."""
    cache = tmp_path / "cache"
    package = Path(__import__("keraslint").__file__).parent

    def fresh_run(number: int) -> str:
        install = tmp_path / f"install{number}"
        shutil.copytree(package, install / "keraslint", copy_function=shutil.copy)  # new modification times
        stamp = 1_700_000_000 + number * 1000
        for path in install.rglob("*.py"):
            os.utime(path, (stamp, stamp))
        checkout = tmp_path / f"checkout{number}"
        write(checkout, "m.py", BUGGY)
        write(checkout, "clean.py", "import json\n")
        result = subprocess.run(
            [sys.executable, "-m", "keraslint", "--output-format", "github", "."],
            cwd=checkout,
            env={**os.environ, "PYTHONPATH": str(install), "KERASLINT_CACHE_DIR": str(cache)},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 1, result.stderr
        return result.stdout

    first = fresh_run(1)
    entries = sorted(cache.rglob("*.json"))
    assert entries
    assert fresh_run(2) == first
    assert sorted(cache.rglob("*.json")) == entries


def test_the_page_lists_the_action_s_inputs_outputs_and_defaults() -> None:
    action = yaml.safe_load(ACTION_FILE.read_text())
    rows = dict(re.findall(r"(?m)^\| `([a-z-]+)` \| ([^|]+?) \|", CI.read_text()))
    inputs = {name: spec["default"] or "(empty)" for name, spec in action["inputs"].items()}
    assert {name: rows[name].strip("`") for name in inputs} == inputs
    assert set(rows) == set(inputs) | set(action["outputs"])


def test_every_action_reference_names_the_release_tag() -> None:
    # install.md and releasing.md write the placeholders `@<sha>` and `@v...`.
    pages = [page for page in PAGES if page.name not in ("install.md", "releasing.md")]
    refs = {page.name: re.findall(r"uses: keraslint/keraslint@([^\s`\"]+)", page.read_text()) for page in pages}
    assert refs["ci.md"] and refs["README.md"]
    assert {ref for found in refs.values() for ref in found} == {TAG}
