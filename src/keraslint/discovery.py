"""Which files to lint: the paths given, directories walked recursively,
minus excluded and git-ignored files."""

from __future__ import annotations

import os
import subprocess
from fnmatch import fnmatch
from pathlib import Path
from typing import Iterable, Iterator

from keraslint.config import Settings

PYTHON_SUFFIXES = (".py", ".ipynb")


def _relative(path: str, root: Path) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()


def is_excluded(path: str, settings: Settings) -> bool:
    """A pattern matches the path relative to the project root, its name, or
    one of its parent directories (``build`` excludes ``build/x.py``)."""
    patterns = (*settings.exclude, *settings.extend_exclude)
    if not patterns:
        return False
    relative = _relative(path, settings.root)
    parts = relative.split("/")
    candidates = [relative, *parts, *("/".join(parts[: i + 1]) for i in range(len(parts) - 1))]
    return any(fnmatch(candidate, pattern) for pattern in patterns for candidate in candidates)


def _skip_directory(parent: str, name: str, settings: Settings) -> bool:
    if name.startswith("."):
        return True
    path = os.path.join(parent, name)
    return os.path.exists(os.path.join(path, "pyvenv.cfg")) or is_excluded(path, settings)


def git_ignored(paths: list[str]) -> set[str]:
    """The paths git ignores (``.gitignore`` files, ``info/exclude``, global
    excludes; tracked files never are), asked of git itself in one call.
    Nothing when git is missing or the paths are not in a work tree."""
    if not paths:
        return set()
    absolute = {os.path.abspath(p): p for p in paths}
    anchor = os.path.dirname(next(iter(absolute)))
    try:
        run = subprocess.run(
            ["git", "-C", anchor, "check-ignore", "--stdin", "-z"],
            input="\0".join(absolute) + "\0",
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return set()
    if run.returncode not in (0, 1):  # 128: not a work tree, or outside it
        return set()
    return {absolute[p] for p in run.stdout.split("\0") if p in absolute}


def discover(paths: Iterable[str], settings: Settings | None = None) -> Iterator[str]:
    """Every file to lint, each once, in a stable order.

    A path named explicitly is linted whatever its name, unless
    ``force-exclude`` applies the excludes to it too; a missing path is
    yielded so that it is reported as unreadable.
    """
    settings = settings or Settings()
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not _skip_directory(root, d, settings))
                found.extend(
                    os.path.normpath(os.path.join(root, f))
                    for f in files
                    if f.endswith(PYTHON_SUFFIXES) and not is_excluded(os.path.join(root, f), settings)
                )
            if settings.respect_gitignore:
                ignored = git_ignored(found)
                found = [f for f in found if f not in ignored]
            candidates = sorted(found)
        else:
            if (
                settings.force_exclude
                and os.path.exists(path)
                and (is_excluded(path, settings) or (settings.respect_gitignore and git_ignored([path])))
            ):
                continue
            candidates = [path]
        for candidate in candidates:
            key = os.path.normpath(candidate)
            if key not in seen:
                seen.add(key)
                yield candidate
