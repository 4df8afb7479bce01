"""Which files are checked: excludes matched the way fnmatch matches them,
git asked once per work tree, whatever the number of files named."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import BUGGY, CLEAN, findings, run, write
from keraslint.config import Settings
from keraslint.discovery import discover, is_excluded


def _reference_is_excluded(relative: str, patterns: tuple[str, ...]) -> bool:
    """The documented meaning, written the slow obvious way: a pattern
    matches the relative path, one of its names, or one of its parent
    folders' relative paths."""
    parts = relative.split("/")
    candidates = [relative, *parts, *("/".join(parts[: i + 1]) for i in range(len(parts) - 1))]
    return any(fnmatch(candidate, pattern) for pattern in patterns for candidate in candidates)


NAMES = st.sampled_from(["build", "src", "a", "b.py", "model.py", "test_x.py", "node_modules", "x-y", "[a]", "v1"])
PATTERNS = st.sampled_from(
    ["build", "*.py", "src/*", "a/b.py", "test_*", "[ab]", "?", "*/model.py", "src/a", "v[0-9]", "**", "x-*", "[[]a]"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(NAMES, min_size=1, max_size=5), st.lists(PATTERNS, min_size=1, max_size=4))
def test_compiled_excludes_match_like_fnmatch(names: list[str], patterns: list[str]) -> None:
    root = Path("/project")
    relative = "/".join(names)
    configured = Settings(exclude=tuple(patterns), root=root)
    expected = _reference_is_excluded(relative, tuple(patterns))
    assert is_excluded(str(root / relative), configured) == expected
    assert is_excluded(relative, Settings(exclude=tuple(patterns), root=Path.cwd())) == expected


def _logging_git(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A ``git`` first on PATH that records its arguments and runs the real
    git: the calls keraslint makes can be counted."""
    real = next(
        os.path.join(folder, "git")
        for folder in os.environ["PATH"].split(os.pathsep)
        if os.access(os.path.join(folder, "git"), os.X_OK)
    )
    log = tmp_path / "git-calls.log"
    wrapper = tmp_path / "bin" / "git"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> "{log}"\nexec "{real}" "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    environment = {**os.environ, "PATH": f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}"}
    return environment, log


def _check_ignore_calls(log: Path) -> int:
    return sum("check-ignore" in line for line in log.read_text().splitlines()) if log.exists() else 0


def test_force_exclude_asks_git_once_for_all_named_files(tmp_path: Path) -> None:
    project = tmp_path / "project"
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    write(project, ".gitignore", "scratch/\n*_generated.py\n")
    named = []
    for number in range(30):
        folder = ("src", "scratch", "lib")[number % 3]
        suffix = "_generated" if number % 5 == 0 else ""
        named.append(str(write(project, f"{folder}/m{number}{suffix}.py", BUGGY).relative_to(project)))
    environment, log = _logging_git(tmp_path)
    completed = subprocess.run(
        [sys.executable, "-m", "keraslint", "--force-exclude", "--no-cache", *named],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    reported = sorted({line.split(":")[0] for line in findings(completed.stdout)})
    expected = sorted(p for p in named if not p.startswith("scratch/") and not p.endswith("_generated.py"))
    assert reported == expected and len(expected) == 16, completed.stderr
    assert _check_ignore_calls(log) == 1


def test_each_work_tree_answers_for_its_own_files(tmp_path: Path) -> None:
    for name in ("one", "two"):
        subprocess.run(["git", "init", "-q", str(tmp_path / name)], check=True)
        write(tmp_path, f"{name}/.gitignore", f"ignored_in_{name}.py\n")
        write(tmp_path, f"{name}/ignored_in_{name}.py", BUGGY)
        write(tmp_path, f"{name}/kept.py", BUGGY)
    write(tmp_path, "outside/ignored_in_one.py", BUGGY)  # in no work tree
    named = ["one", "two/ignored_in_two.py", "two/kept.py", "outside"]
    found = discover([str(tmp_path / p) for p in named], Settings(force_exclude=True, root=tmp_path))
    assert [Path(p).relative_to(tmp_path).as_posix() for p in found] == [
        "one/kept.py",
        "two/kept.py",
        "outside/ignored_in_one.py",
    ]


def test_no_git_call_outside_a_work_tree(tmp_path: Path) -> None:
    if subprocess.run(["git", "-C", str(tmp_path), "rev-parse"], capture_output=True, check=False).returncode == 0:
        return  # the temporary folder lies inside a work tree here: nothing to prove
    for number in range(20):
        write(tmp_path, f"src/part{number % 4}/m{number}.py", CLEAN)
    environment, log = _logging_git(tmp_path)
    completed = subprocess.run(
        [sys.executable, "-m", "keraslint", "src", "--force-exclude", "--no-cache"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0 and completed.stderr == ""
    assert _check_ignore_calls(log) == 0


def test_a_named_file_is_kept_even_when_a_walked_folder_drops_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path, ".gitignore", "scratch.py\n")
    write(tmp_path, "src/scratch.py", BUGGY)
    write(tmp_path, "src/model.py", BUGGY)
    # Without force-exclude a file named on the command line is checked.
    found = discover(["src", "src/scratch.py"], Settings(root=tmp_path))
    assert found == ["src/model.py", "src/scratch.py"]
    assert run("src", "src/scratch.py", "--no-cache", cwd=tmp_path).stdout.count("src/scratch.py:") == 1
