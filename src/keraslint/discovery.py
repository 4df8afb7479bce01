"""Which files to lint: the paths given, directories walked recursively."""

from __future__ import annotations

import os
from typing import Iterable, Iterator

# Directories never walked into (ruff's default excludes, plus caches).
# Hidden directories and virtual environments (a ``pyvenv.cfg`` inside) are
# skipped too.
SKIPPED_DIRECTORIES = frozenset(
    {
        "__pycache__",
        "__pypackages__",
        "_build",
        "buck-out",
        "build",
        "dist",
        "node_modules",
        "site-packages",
        "venv",
    }
)
PYTHON_SUFFIXES = (".py", ".ipynb")


def _skip_directory(parent: str, name: str) -> bool:
    if name.startswith(".") or name in SKIPPED_DIRECTORIES:
        return True
    return os.path.exists(os.path.join(parent, name, "pyvenv.cfg"))


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Every file to lint, each once, in a stable order.

    A path named explicitly is always linted, whatever its name; a missing
    path is yielded too, so that it is reported as unreadable.
    """
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not _skip_directory(root, d))
                found.extend(os.path.normpath(os.path.join(root, f)) for f in files if f.endswith(PYTHON_SUFFIXES))
            candidates = sorted(found)
        else:
            candidates = [path]
        for candidate in candidates:
            key = os.path.normpath(candidate)
            if key not in seen:
                seen.add(key)
                yield candidate
