"""Where the cache is: the one rule ``keraslint`` (to use it) and
``keraslint clean`` (to remove it) share."""

from __future__ import annotations

import os
from pathlib import Path

from keraslint.cache import CACHE_DIRECTORY_NAME
from keraslint.config import NO_CONFIG_ROOT, Settings

# What marks the top of a project when it has no [tool.keraslint].
_PROJECT_MARKERS = (".git", "pyproject.toml", "setup.py", "setup.cfg")


def project_root(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` that looks like the top
    of a project (a git work tree, a ``pyproject.toml``...)."""
    try:
        directory = start if start.is_dir() else start.parent
        for candidate in (directory, *directory.parents):
            if any(os.path.lexists(candidate / marker) for marker in _PROJECT_MARKERS):
                return candidate
    except (OSError, ValueError):
        pass
    return None


def user_cache_home() -> Path:
    """``$XDG_CACHE_HOME/keraslint`` (``~/.cache/keraslint``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "keraslint"


def cache_directory(option: str | None, settings: Settings, first_path: str) -> Path:
    """``--cache-dir`` (``option``), else ``$KERASLINT_CACHE_DIR``, else the
    project's ``.keraslint_cache``: beside the configuration file, or at the
    top of the project holding the first path (its git work tree, its
    ``pyproject.toml``); outside any project, the user's cache directory,
    never wherever the command happens to be run from."""
    chosen = option or os.environ.get("KERASLINT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if settings.origin("root") != NO_CONFIG_ROOT:
        return settings.root / CACHE_DIRECTORY_NAME
    root = project_root(Path(os.path.abspath(first_path)))
    return root / CACHE_DIRECTORY_NAME if root is not None else user_cache_home()
