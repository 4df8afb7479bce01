"""From paths (or text) and settings to the diagnostics the user sees:
selection, per-file ignores and ``# noqa`` applied on top of the checker."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from fnmatch import fnmatch
from pathlib import Path

from keraslint.cache import Cache
from keraslint.checker import (
    BUILTIN_CODES,
    UNREADABLE,
    FileResult,
    lint_data,
    lint_path,
    lint_text,
    read_data,
    whole_file,
)
from keraslint.config import Settings
from keraslint.diagnostics import Diagnostic
from keraslint.discovery import _relative, discover
from keraslint.rules import ALL_RULES, RULES_BY_CODE, Rule
from keraslint.selection import Selection
from keraslint.sources import UnreadableSource, read_bytes
from keraslint.suppression import UNUSED_NOQA, apply_suppressions

OPT_IN_CODES = frozenset({UNUSED_NOQA})
# Below this many files, starting worker processes costs more than it saves.
_PARALLEL_THRESHOLD = 16
KNOWN_CODES = frozenset({*BUILTIN_CODES, UNUSED_NOQA, *RULES_BY_CODE})


def selection_of(settings: Settings) -> Selection:
    return Selection((*settings.select, *settings.extend_select), settings.ignore, OPT_IN_CODES)


def enabled_rules(settings: Settings) -> tuple[Rule, ...]:
    selection = selection_of(settings)
    return tuple(rule for rule in ALL_RULES if selection.enabled(rule.CODE))


def _ignored_here(path: str, settings: Settings) -> tuple[str, ...]:
    relative = _relative(path, settings.root)
    name = os.path.basename(path)
    codes: list[str] = []
    for glob, ignored in settings.per_file_ignores.items():
        if fnmatch(relative, glob) or ("/" not in glob and fnmatch(name, glob)):
            codes.extend(ignored)
    return tuple(codes)


def finish(result: FileResult, settings: Settings) -> FileResult:
    """Keep the diagnostics the settings and the file's ``# noqa`` allow."""
    selection = selection_of(settings)
    ignored_here = _ignored_here(result.path, settings)

    def wanted(code: str) -> bool:
        return selection.enabled(code) and not any(code.startswith(prefix) for prefix in ignored_here)

    diagnostics = [d for d in result.diagnostics if d.code in BUILTIN_CODES or wanted(d.code)]
    if result.source is not None:
        diagnostics, unused = apply_suppressions(result.source.text, diagnostics, KNOWN_CODES)
        if wanted(UNUSED_NOQA):
            diagnostics.extend(unused)
    diagnostics = [d for d in diagnostics if wanted(d.code)]
    diagnostics.sort(key=lambda d: d.sort_key())
    return replace(result, diagnostics=diagnostics)


def _check_file(path: str, settings: Settings, cache: Cache | None) -> FileResult:
    rules = enabled_rules(settings)
    if cache is None:
        return finish(lint_path(path, rules), settings)
    try:
        data = read_bytes(path)
    except UnreadableSource as error:
        return finish(
            FileResult(path, None, [Diagnostic(UNREADABLE, whole_file(), f"cannot read file: {error}")]), settings
        )
    if b"keras" not in data and not path.endswith(".ipynb"):
        # Decided without a parse (see lint_source): cheaper than the cache.
        return finish(lint_data(path, data, rules), settings)
    key = Cache.key(data, path, tuple(rule.CODE for rule in rules))
    cached = cache.get(key)
    if cached is not None:
        try:
            source = read_data(path, data)
        except UnreadableSource:
            source = None
        return finish(FileResult(path, source, cached), settings)
    result = lint_data(path, data, rules)
    if not result.internal_errors:
        cache.put(key, result.diagnostics)
    return finish(result, settings)


def _check_in_worker(job: tuple[str, Settings, Path | None]) -> FileResult:
    path, settings, cache_directory = job
    return _check_file(path, settings, Cache(cache_directory) if cache_directory else None)


def check_paths(
    paths: list[str], settings: Settings, jobs: int = 1, cache_directory: Path | None = None
) -> list[FileResult]:
    """Every file under ``paths``, in discovery order; with ``jobs > 1`` the
    files are checked by that many processes, with the same output."""
    files = list(discover(paths, settings))
    if jobs > 1 and len(files) >= _PARALLEL_THRESHOLD:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            work = [(path, settings, cache_directory) for path in files]
            return list(pool.map(_check_in_worker, work, chunksize=max(1, len(files) // (jobs * 8))))
    cache = Cache(cache_directory) if cache_directory else None
    return [_check_file(path, settings, cache) for path in files]


def check_text(path: str, text: str, settings: Settings) -> FileResult:
    """Lint Python code that is not read from disk (an editor buffer)."""
    return finish(lint_text(path, text, enabled_rules(settings)), settings)


def check_bytes(path: str, data: bytes, settings: Settings) -> FileResult:
    """Lint a file's content read elsewhere (stdin), named ``path``."""
    return finish(lint_data(path, data, enabled_rules(settings)), settings)
