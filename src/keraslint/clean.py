"""``keraslint clean``: remove the caches, as ``ruff clean`` does.

Removed: every ``.keraslint_cache`` directory in the tree under the current
directory, and the cache a ``keraslint`` run from here uses
(``--cache-dir``, ``$KERASLINT_CACHE_DIR``, the project's, the user's; see
``cache_location.py``) wherever it is. A directory of another name is
removed only if keraslint made it (its ``.gitignore`` is keraslint's): a
mistyped ``KERASLINT_CACHE_DIR=~`` removes nothing. A symbolic link is
never followed, nor removed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from keraslint.cache import CACHE_DIRECTORY_NAME, GITIGNORE_TEXT
from keraslint.cache_location import cache_directory
from keraslint.config import ConfigError
from keraslint.resolution import Resolver
from keraslint.runner import KNOWN_CODES

EXIT_CLEAN, EXIT_ERROR = 0, 2


def _made_by_keraslint(directory: Path) -> bool:
    try:
        return (directory / ".gitignore").read_text(encoding="utf-8") == GITIGNORE_TEXT
    except (OSError, ValueError):
        return False


def _caches_under(top: Path) -> list[Path]:
    """The ``.keraslint_cache`` directories under ``top`` (not their
    insides, nor any directory reached through a symbolic link)."""
    found: list[Path] = []
    for directory, subdirectories, _ in os.walk(top):
        if CACHE_DIRECTORY_NAME in subdirectories:
            subdirectories.remove(CACHE_DIRECTORY_NAME)
            cache = Path(directory) / CACHE_DIRECTORY_NAME
            if not cache.is_symlink():
                found.append(cache)
        subdirectories.sort()
    return found


def _shown(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)
    return relative if not relative.startswith("..") else str(path.resolve())


def clean_command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="keraslint clean",
        description=f"Remove every {CACHE_DIRECTORY_NAME} under the current directory, and the cache in use here.",
    )
    parser.add_argument("--cache-dir", metavar="DIR", help="a cache directory to remove as well")
    args = parser.parse_args(argv)
    candidates = _caches_under(Path("."))
    refused = False
    try:
        settings = Resolver(KNOWN_CODES).settings_for(".")
    except ConfigError as error:
        # The configuration only moves the cache: the others still go.
        print(f"keraslint: warning: {error}", file=sys.stderr)
        refused = True
    else:
        configured = cache_directory(args.cache_dir, settings, ".")
        if configured.is_dir() and not configured.is_symlink():
            if configured.name == CACHE_DIRECTORY_NAME or _made_by_keraslint(configured):
                candidates.append(configured)
            else:
                print(f"keraslint: {_shown(configured)}: not removed: keraslint did not make it", file=sys.stderr)
                refused = True
    removed: set[Path] = set()
    failed = False
    for cache in candidates:
        real = cache.resolve()
        if real in removed:
            continue
        try:
            shutil.rmtree(cache)
        except OSError as error:
            print(f"keraslint: {_shown(cache)}: not removed: {error.strerror or error}", file=sys.stderr)
            failed = True
            continue
        removed.add(real)
        print(f"Removed cache at: {_shown(cache)}", file=sys.stderr)
    if not removed and not failed and not refused:
        print("keraslint: no cache to remove", file=sys.stderr)
    return EXIT_ERROR if failed else EXIT_CLEAN
