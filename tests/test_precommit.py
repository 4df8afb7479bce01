"""The pre-commit hook, run by the real ``pre-commit`` in throwaway git repos.

pre-commit installs a hook by cloning its repository at a commit and
pip-installing it into a fresh virtualenv. The tests give it a snapshot of
this checkout (every tracked or untracked, non-ignored file, committed in a
temporary repository): the hook is tested as the working tree stands, in a
clean CI clone or with uncommitted edits alike, and the real checkout is
never touched (no commit, no index change).

``PRE_COMMIT_HOME`` is a temporary directory shared by the tests of this
module, so the environment built for the documented config is built once;
it also holds the caches of virtualenv and pip, so nothing is written to
``~/.cache``. ``pre-commit try-repo`` always builds into a throwaway store of
its own (that is how pre-commit works), so each of its two runs builds once
more.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import BUGGY, CLEAN, write
from keraslint import __version__

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
DOC = ROOT / "docs" / "pre-commit.md"
NOTEBOOK = ROOT / "fixtures" / "churn_notebook_softmax_across_cells.ipynb"
TIMEOUT = 600  # seconds; an environment build downloads from the package index


def git_env(**extra: str) -> dict[str, str]:
    """The environment without the caller's git state or the user's git config.

    ``GIT_DIR`` & co. are set when the suite itself runs inside a git hook;
    a global ``commit.gpgsign`` or ``core.hooksPath`` would change what the
    temporary repositories do.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, PRE_COMMIT_COLOR="never", **extra)
    return env


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, env=git_env(), capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, f"git {' '.join(args)} failed:\n{result.stdout}{result.stderr}"
    return result.stdout.strip()


def make_repo(path: Path, files: dict[str, str | bytes]) -> Path:
    """A git repository at ``path`` with ``files`` committed."""
    path.mkdir(parents=True)
    git("init", "-q", cwd=path)
    git("config", "user.email", "tests@keraslint.invalid", cwd=path)
    git("config", "user.name", "keraslint tests", cwd=path)
    git("config", "commit.gpgsign", "false", cwd=path)
    for name, content in files.items():
        write(path, name, content)
    git("add", "-A", cwd=path)
    git("commit", "-q", "-m", "initial", cwd=path)
    return path


def tool_env(home: Path) -> dict[str, str]:
    """pre-commit's store, virtualenv's app data and pip's cache, all under ``home``."""
    return git_env(
        PRE_COMMIT_HOME=str(home),
        VIRTUALENV_OVERRIDE_APP_DATA=str(home / "virtualenv"),
        XDG_CACHE_HOME=str(home / "cache"),
    )


def run_with_tools(command: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """``command`` with pre-commit's store and caches under ``home``."""
    return subprocess.run(
        command, cwd=cwd, env=tool_env(home), capture_output=True, text=True, check=False, timeout=TIMEOUT
    )


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """The real pre-commit; every command, even ``validate-*``, opens its store."""
    assert PRE_COMMIT.exists(), f"pre-commit is not installed next to {sys.executable}"
    return run_with_tools([str(PRE_COMMIT), *args], cwd, home)


def output(result: subprocess.CompletedProcess[str]) -> str:
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A committed snapshot of this checkout's working tree: (path, commit)."""
    # The user's git config is kept here: a CI checkout owned by another user
    # may need its `safe.directory`.
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        capture_output=True,
        check=False,
    )
    if listing.returncode != 0 and b"not a git repository" in listing.stderr:
        pytest.skip(f"{ROOT} is not a git checkout: pre-commit installs hooks from git repositories")
    assert listing.returncode == 0, listing.stderr.decode()
    snapshot = tmp_path_factory.mktemp("hook-repo") / "keraslint"
    snapshot.mkdir()
    for name in listing.stdout.decode().split("\0"):
        source = ROOT / name
        if name and source.is_file():  # a tracked file deleted in the working tree is left out
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    assert (snapshot / ".pre-commit-hooks.yaml").is_file()
    git("init", "-q", cwd=snapshot)
    git("add", "-A", cwd=snapshot)
    git(
        "-c",
        "user.email=tests@keraslint.invalid",
        "-c",
        "user.name=keraslint tests",
        "commit",
        "-q",
        "-m",
        "snapshot",
        cwd=snapshot,
    )
    return snapshot, git("rev-parse", "HEAD", cwd=snapshot)


REPOSITORY = "https://github.com/keraslint/keraslint"
GIT_REQUIREMENT = f"keraslint @ git+{REPOSITORY}@main"


def doc_configs() -> dict[str, str]:
    """docs/pre-commit.md's configs, in the page's order: ``git`` (a local
    hook pre-commit installs from the git URL, the one to use today),
    ``system`` (a local hook running an installed keraslint) and
    ``release`` (the shipped hook at the release tag)."""
    blocks = re.findall(r"^```yaml\n(.*?)^```", DOC.read_text(), flags=re.MULTILINE | re.DOTALL)
    kinds = {}
    for block in blocks:
        (repo,) = yaml.safe_load(block)["repos"]
        if repo["repo"] == "local":
            (hook,) = repo["hooks"]
            kinds[{"python": "git", "system": "system"}[hook["language"]]] = block
        else:
            kinds["release"] = block
    assert list(kinds) == ["git", "system", "release"] and len(blocks) == 3, blocks
    return kinds


def from_commit(config: str, repo: Path, commit: str) -> str:
    """The documented git config, installing from ``repo`` at ``commit``
    (the page says: a commit's SHA in place of ``main``), nothing else changed."""
    url = f"git+file://localhost{repo.as_posix()}@{commit}"  # older pips want a host
    config, count = re.subn(re.escape(f"git+{REPOSITORY}@main"), url, config)
    assert count == 1, config
    return config


def point_at(config: str, repo: Path, rev: str) -> str:
    """The documented config, its ``repo:`` and ``rev:`` values replaced, nothing else."""
    config, repos = re.subn(r"(?m)^(\s*-?\s*repo:\s*)\S+", lambda m: m[1] + str(repo), config)
    config, revs = re.subn(r"(?m)^(\s*rev:\s*)\S+", lambda m: m[1] + rev, config)
    assert (repos, revs) == (1, 1), config
    return config


def documented_failure() -> str:
    """What the page shows keraslint printing under the failed hook."""
    (console,) = re.findall(r"^```console\n(.*?)^```", DOC.read_text(), flags=re.MULTILINE | re.DOTALL)
    return console.split("\n\n", 1)[1]


def shows_documented_failure(text: str) -> bool:
    """pre-commit's output ends with keraslint's, as the page shows it
    (pre-commit adds a blank line after a hook's output)."""
    return text.rstrip("\n").endswith("\n\n" + documented_failure().rstrip("\n"))


# The hook definition -------------------------------------------------------


def test_manifest_is_valid_for_pre_commit_and_declares_the_keraslint_hook(
    pre_commit_home: Path, tmp_path: Path
) -> None:
    result = pre_commit("validate-manifest", str(MANIFEST), cwd=tmp_path, home=pre_commit_home)
    assert result.returncode == 0, output(result)
    (hook,) = yaml.safe_load(MANIFEST.read_text())
    description = hook.pop("description")
    assert isinstance(description, str) and description and "\n" not in description.strip()
    assert hook == {
        "id": "keraslint",
        "name": "keraslint",
        # `check`, the documented form; --force-exclude: pre-commit names
        # every file, the excludes still apply.
        "entry": "keraslint check --force-exclude",
        "language": "python",
        "types_or": ["python", "pyi", "jupyter"],
        "require_serial": False,
    }


# pre-commit try-repo ---------------------------------------------------------


def test_try_repo_fails_on_buggy_keras_code_in_py_pyi_and_notebooks(
    hook_repo: tuple[Path, str], pre_commit_home: Path, tmp_path: Path
) -> None:
    repo = make_repo(
        tmp_path / "project",
        {
            "churn.py": BUGGY,
            "clean.py": CLEAN,
            "stubs/model.pyi": BUGGY,
            "notebooks/churn.ipynb": NOTEBOOK.read_bytes(),
            # Not a Python type: the hook must not be given it (keraslint
            # would lint any file named on its command line).
            "notes.txt": BUGGY,
        },
    )
    result = pre_commit("try-repo", str(hook_repo[0]), "keraslint", "--all-files", cwd=repo, home=pre_commit_home)
    text = output(result)
    assert result.returncode != 0, text
    assert re.search(r"^keraslint\.+Failed$", text, flags=re.MULTILINE), text
    assert re.search(r"^churn\.py:4:38: KL101 \[\*\] `softmax` over a single unit", text, flags=re.MULTILINE), text
    assert re.search(r"^stubs/model\.pyi:4:38: KL101 ", text, flags=re.MULTILINE), text
    assert re.search(r"^notebooks/churn\.ipynb:cell \d+:\d+:\d+: KL101 ", text, flags=re.MULTILINE), text
    assert "clean.py" not in text
    assert "notes.txt" not in text


def test_try_repo_passes_when_only_clean_code_is_committed(
    hook_repo: tuple[Path, str], pre_commit_home: Path, tmp_path: Path
) -> None:
    repo = make_repo(tmp_path / "project", {"clean.py": CLEAN, "README.md": "A correct model.\n"})
    result = pre_commit("try-repo", str(hook_repo[0]), "keraslint", "--all-files", cwd=repo, home=pre_commit_home)
    text = output(result)
    assert result.returncode == 0, text
    # "Passed", not "(no files to check)Skipped": keraslint ran on clean.py.
    assert re.search(r"^keraslint\.+Passed$", text, flags=re.MULTILINE), text


def test_the_entry_before_check_and_the_entry_now_give_the_same_result(tmp_path: Path) -> None:
    """Users' `args` follow the entry: they mean what they meant when the
    entry was `keraslint --force-exclude` (a config or a `rev` of before)."""
    write(tmp_path, "churn.py", BUGGY)
    write(tmp_path, "generated/model.py", BUGGY)
    write(tmp_path, "pyproject.toml", '[tool.keraslint]\nextend-exclude = ["generated"]\n')
    files = ["churn.py", "generated/model.py"]
    keraslint = [sys.executable, "-m", "keraslint"]
    for args in ([], ["--ignore=KL3"], ["--output-format=json"], ["--select=KL2"]):
        before = subprocess.run([*keraslint, "--force-exclude", *args, *files], cwd=tmp_path, capture_output=True)
        now = subprocess.run([*keraslint, "check", "--force-exclude", *args, *files], cwd=tmp_path, capture_output=True)
        assert (now.returncode, now.stdout, now.stderr) == (before.returncode, before.stdout, before.stderr), args
        assert b"generated" not in now.stdout  # the excludes apply to the named file
        assert (b"churn.py" in now.stdout) == (args != ["--select=KL2"]), args


# The configs shown in docs/pre-commit.md ----------------------------------------


def test_documented_configs_are_valid_and_the_local_hooks_are_the_shipped_hook(
    pre_commit_home: Path, tmp_path: Path
) -> None:
    configs = doc_configs()
    (shipped,) = yaml.safe_load(MANIFEST.read_text())
    same = ("id", "name", "entry", "types_or")
    for kind, language in (("git", "python"), ("system", "system")):
        (repo,) = yaml.safe_load(configs[kind])["repos"]
        (hook,) = repo["hooks"]
        assert repo["repo"] == "local" and hook["language"] == language
        assert {key: hook[key] for key in same} == {key: shipped[key] for key in same}, kind
    (git_hook,) = yaml.safe_load(configs["git"])["repos"][0]["hooks"]
    assert git_hook["additional_dependencies"] == [GIT_REQUIREMENT]
    assert yaml.safe_load(configs["release"]) == {
        "repos": [{"repo": REPOSITORY, "rev": f"v{__version__}", "hooks": [{"id": "keraslint"}]}]
    }
    for kind, block in configs.items():
        (tmp_path / f"{kind}.yaml").write_text(block)
        result = pre_commit("validate-config", f"{kind}.yaml", cwd=tmp_path, home=pre_commit_home)
        assert result.returncode == 0, kind + output(result)


def test_documented_git_config_runs_the_hook_as_the_page_shows(
    hook_repo: tuple[Path, str], pre_commit_home: Path, tmp_path: Path
) -> None:
    """The config to use today: pre-commit builds keraslint from the git
    URL, pinned to a commit as the page says."""
    config = from_commit(doc_configs()["git"], *hook_repo)
    repo = make_repo(tmp_path / "project", {".pre-commit-config.yaml": config, "churn.py": BUGGY, "clean.py": CLEAN})

    failing = pre_commit("run", "--all-files", cwd=repo, home=pre_commit_home)
    text = output(failing)
    assert failing.returncode == 1, text
    assert re.search(r"^keraslint\.+Failed$", text, flags=re.MULTILINE), text
    assert shows_documented_failure(text), text
    assert "clean.py" not in text

    passing = pre_commit("run", "--files", "clean.py", cwd=repo, home=pre_commit_home)
    assert passing.returncode == 0, output(passing)
    assert re.search(r"^keraslint\.+Passed$", output(passing), flags=re.MULTILINE), output(passing)

    # `args: [--fix]` (the page): the file is fixed, and pre-commit fails
    # the run because a hook changed it.
    with_fix = config.replace("        types_or:", "        args: [--fix]\n        types_or:")
    (repo / ".pre-commit-config.yaml").write_text(with_fix)
    fixing = pre_commit("run", "--files", "churn.py", cwd=repo, home=pre_commit_home)
    assert fixing.returncode == 1, output(fixing)
    assert "files were modified by this hook" in output(fixing)
    assert (repo / "churn.py").read_text() == BUGGY.replace('"softmax"', '"sigmoid"')
    again = pre_commit("run", "--files", "churn.py", cwd=repo, home=pre_commit_home)
    assert again.returncode == 0, output(again)


def test_documented_git_config_installed_as_git_hook_blocks_a_buggy_commit(
    hook_repo: tuple[Path, str], pre_commit_home: Path, tmp_path: Path
) -> None:
    repo = make_repo(tmp_path / "project", {".pre-commit-config.yaml": from_commit(doc_configs()["git"], *hook_repo)})
    installed = pre_commit("install", cwd=repo, home=pre_commit_home)
    assert installed.returncode == 0, output(installed)
    before = git("rev-parse", "HEAD", cwd=repo)

    def commit(name: str, text: str) -> subprocess.CompletedProcess[str]:
        (repo / name).write_text(text)
        git("add", name, cwd=repo)
        return run_with_tools(["git", "commit", "-m", f"add {name}"], repo, pre_commit_home)

    rejected = commit("churn.py", BUGGY)
    assert rejected.returncode != 0, output(rejected)
    assert re.search(r"^churn\.py:4:38: KL101 ", output(rejected), flags=re.MULTILINE), output(rejected)
    assert git("rev-parse", "HEAD", cwd=repo) == before

    git("rm", "-q", "--cached", "churn.py", cwd=repo)
    accepted = commit("clean.py", CLEAN)
    assert accepted.returncode == 0, output(accepted)
    assert git("rev-parse", "HEAD", cwd=repo) != before
    assert git("show", "--name-only", "--format=", "HEAD", cwd=repo) == "clean.py"


def test_documented_system_config_runs_the_installed_keraslint(pre_commit_home: Path, tmp_path: Path) -> None:
    """`language: system`: the `keraslint` on PATH (this test environment's,
    installed from this checkout) runs; without one, the page's error."""
    installed = Path(sys.executable).parent / "keraslint"
    assert installed.exists(), f"keraslint is not installed next to {sys.executable}"
    git_only = tmp_path / "bin"
    git_only.mkdir()
    (git_only / "git").symlink_to(shutil.which("git") or "/usr/bin/git")
    repo = make_repo(
        tmp_path / "project", {".pre-commit-config.yaml": doc_configs()["system"], "churn.py": BUGGY, "clean.py": CLEAN}
    )

    def run_with_path(path: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**tool_env(pre_commit_home), "PATH": path}
        return subprocess.run(
            [str(PRE_COMMIT), "run", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=TIMEOUT
        )

    path = f"{installed.parent}{os.pathsep}{git_only}"
    failing = run_with_path(path, "--all-files")
    assert failing.returncode == 1, output(failing)
    assert shows_documented_failure(output(failing)), output(failing)
    passing = run_with_path(path, "--files", "clean.py")
    assert passing.returncode == 0, output(passing)
    assert re.search(r"^keraslint\.+Passed$", output(passing), flags=re.MULTILINE), output(passing)

    missing = run_with_path(str(git_only), "--all-files")
    assert missing.returncode == 1, output(missing)
    assert "Executable `keraslint` not found" in output(missing)


def test_documented_release_config_runs_the_shipped_hook(
    hook_repo: tuple[Path, str], pre_commit_home: Path, tmp_path: Path
) -> None:
    """The form for after the release: the hook `.pre-commit-hooks.yaml`
    ships, at a `rev` (here this checkout's snapshot and its commit)."""
    config = point_at(doc_configs()["release"], *hook_repo)
    repo = make_repo(tmp_path / "project", {".pre-commit-config.yaml": config, "churn.py": BUGGY, "clean.py": CLEAN})

    failing = pre_commit("run", "--all-files", cwd=repo, home=pre_commit_home)
    text = output(failing)
    assert failing.returncode == 1, text
    assert shows_documented_failure(text), text

    passing = pre_commit("run", "--files", "clean.py", cwd=repo, home=pre_commit_home)
    assert passing.returncode == 0, output(passing)
    assert re.search(r"^keraslint\.+Passed$", output(passing), flags=re.MULTILINE), output(passing)
