"""Which files to lint: the paths given, directories walked recursively,
minus excluded and git-ignored files."""

from __future__ import annotations

import fnmatch
import functools
import os
import re
import subprocess
from pathlib import Path
from typing import Iterable

from keraslint.config import Settings
from keraslint.resolution import SettingsSource, as_resolver

PYTHON_SUFFIXES = (".py", ".ipynb")


def _relative(path: str, root: Path) -> str:
    """``path`` relative to ``root`` with ``/`` separators, or ``path``
    itself (as posix) when it lies outside."""
    absolute = os.path.abspath(path)
    base = str(root)
    if absolute == base:
        return "."
    prefix = base if base.endswith(os.sep) else base + os.sep
    if absolute.startswith(prefix):
        return absolute[len(prefix) :].replace(os.sep, "/")
    return Path(path).as_posix()


class _Excluder:
    """The exclude patterns compiled into one expression, with each
    directory's verdict remembered: walking 3,000 files asks about the same
    few folders thousands of times."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        # fnmatch's own translation, so the globs mean exactly what fnmatch
        # makes of them (posix paths: no case folding).
        self._match = re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns)).match
        self._directories: dict[str, bool] = {}

    def _directory_excluded(self, relative_directory: str) -> bool:
        """Whether the folder, one of its parents, or one of their names
        matches."""
        verdict = self._directories.get(relative_directory)
        if verdict is None:
            parent, _, name = relative_directory.rpartition("/")
            verdict = bool(
                self._match(relative_directory) or self._match(name) or (parent and self._directory_excluded(parent))
            )
            self._directories[relative_directory] = verdict
        return verdict

    def excluded(self, relative: str) -> bool:
        parent, _, name = relative.rpartition("/")
        return bool(self._match(relative) or self._match(name) or (parent and self._directory_excluded(parent)))


@functools.lru_cache(maxsize=8)
def _excluder(patterns: tuple[str, ...]) -> _Excluder:
    return _Excluder(patterns)


def is_excluded(path: str, settings: Settings) -> bool:
    """A pattern matches the path relative to the project root, its name, or
    one of its parent directories (``build`` excludes ``build/x.py``)."""
    patterns = (*settings.exclude, *settings.extend_exclude)
    if not patterns:
        return False
    return _excluder(patterns).excluded(_relative(path, settings.root))


def _skip_directory(parent: str, name: str, settings: Settings) -> bool:
    """Whether to walk into ``parent/name``, judged by the settings of
    ``parent``: the configuration of a folder that is excluded anyway (a
    vendored package's) is never read."""
    if name.startswith("."):
        return True
    path = os.path.join(parent, name)
    return os.path.exists(os.path.join(path, "pyvenv.cfg")) or is_excluded(path, settings)


def _work_tree(directory: str, memo: dict[str, str | None]) -> str | None:
    """The git work tree holding ``directory`` (the nearest folder with a
    ``.git`` entry), found by looking, without running git."""
    walked: list[str] = []
    current = directory
    while True:
        if current in memo:
            found = memo[current]
            break
        walked.append(current)
        if os.path.exists(os.path.join(current, ".git")):
            found = current
            break
        parent = os.path.dirname(current)
        if parent == current:
            found = None
            break
        current = parent
    for folder in walked:
        memo[folder] = found
    return found


# Git reads the linted tree's own ``.git/config``, which can name programs
# to run: ``core.fsmonitor`` is run by any command that looks at the index,
# ``check-ignore`` included. Options given with ``-c`` outrank every config
# file, so the tree cannot turn these back on. ``check-ignore`` runs no
# hook, filter, pager or editor; hooks are switched off all the same.
_SAFE_GIT_OPTIONS = (
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.untrackedCache=false",
    "-c",
    "core.hooksPath=/dev/null",
    "--no-pager",
)
_GIT_TIMEOUT_SECONDS = 30


def _safe_git_environment() -> dict[str, str]:
    """Git never prompts, and never writes to the tree's index."""
    return {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}


def git_ignored(paths: list[str]) -> set[str]:
    """The paths git ignores (``.gitignore`` files, ``info/exclude``, global
    excludes; tracked files never are), asked of git itself: one call per
    work tree, whatever the number of paths or folders. Nothing when git is
    missing or a path is in no work tree."""
    by_tree: dict[str, dict[str, list[str]]] = {}
    memo: dict[str, str | None] = {}
    for path in paths:
        absolute = os.path.abspath(path)
        tree = _work_tree(os.path.dirname(absolute), memo)
        if tree is not None:
            by_tree.setdefault(tree, {}).setdefault(absolute, []).append(path)
    ignored: set[str] = set()
    for tree, absolute in by_tree.items():
        try:
            run = subprocess.run(
                ["git", *_SAFE_GIT_OPTIONS, "-C", tree, "check-ignore", "--stdin", "-z"],
                input="\0".join(absolute) + "\0",
                capture_output=True,
                text=True,
                check=False,
                env=_safe_git_environment(),
                timeout=_GIT_TIMEOUT_SECONDS,
            )
        except (OSError, subprocess.SubprocessError):  # no git, or a git that hangs
            return set()
        if run.returncode in (0, 1):  # 128: git found no repository after all
            for answer in run.stdout.split("\0"):
                ignored.update(absolute.get(answer, ()))
    return ignored


def discover(
    paths: Iterable[str], settings: SettingsSource | None = None, unlisted: dict[str, str] | None = None
) -> list[str]:
    """Every file to lint, each once, in a stable order.

    Each file and folder is judged by its own settings (its nearest
    configuration file's ``exclude``, ``force-exclude`` and
    ``respect-gitignore``), as ruff does. A path named explicitly is linted
    whatever its name, unless ``force-exclude`` applies the excludes to it
    too; a missing path is kept so that it is reported as unreadable. Git
    is asked about every candidate at once. A directory that cannot be
    listed is kept in the list too, with the reason in ``unlisted``, so
    that it is reported rather than silently left out.
    """
    resolver = as_resolver(settings)
    # (candidates, whether git may drop them), per path given
    groups: list[tuple[list[str], bool]] = []
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []

            def cannot_list(error: OSError, found: list[str] = found, top: str = path) -> None:
                directory = os.path.normpath(error.filename or top)
                found.append(directory)
                if unlisted is not None:
                    unlisted[directory] = f"cannot list directory: {error.strerror or error}"

            for root, dirs, files in os.walk(path, onerror=cannot_list):
                absolute = os.path.abspath(root)
                here = resolver.settings_in(absolute)
                dirs[:] = sorted(d for d in dirs if not _skip_directory(root, d, here))
                found.extend(
                    os.path.normpath(os.path.join(root, f))
                    for f in files
                    if f.endswith(PYTHON_SUFFIXES) and not is_excluded(os.path.join(root, f), here)
                )
            groups.append((sorted(found), True))
        else:
            own = resolver.settings_for(path)
            if own.force_exclude and os.path.exists(path):
                groups.append(([] if is_excluded(path, own) else [path], True))
            else:
                groups.append(([path], False))
    asked = [
        candidate
        for candidates, may_drop in groups
        if may_drop
        for candidate in candidates
        if resolver.settings_for(candidate).respect_gitignore
    ]
    ignored = git_ignored(asked) if asked else set()
    seen: set[str] = set()
    files: list[str] = []
    for candidates, may_drop in groups:
        for candidate in candidates:
            key = os.path.normpath(candidate)
            if key not in seen and not (may_drop and candidate in ignored):
                seen.add(key)
                files.append(candidate)
    return files
