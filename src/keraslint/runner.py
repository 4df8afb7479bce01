"""From paths (or text) and settings to the diagnostics the user sees:
selection, per-file ignores and ``# noqa`` applied on top of the checker."""

from __future__ import annotations

import os
from dataclasses import replace
from fnmatch import fnmatch
from pathlib import Path

from keraslint.cache import Cache
from keraslint.checker import BUILTIN_CODES, FileResult, lint_data, lint_path, lint_text, read_data, unreadable
from keraslint.config import Settings
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


class _Plan:
    """What the settings decide once per run rather than once per file:
    which codes are reported, which rules run, the cache to use."""

    def __init__(self, settings: Settings, cache_directory: Path | None = None) -> None:
        self.settings = settings
        self.selection = selection_of(settings)
        self.rules = enabled_rules(settings)
        self.codes = tuple(rule.CODE for rule in self.rules)
        self.cache_directory = cache_directory
        self.cache = Cache(cache_directory) if cache_directory else None
        self.wants_unused_noqa = self.selection.enabled(UNUSED_NOQA)
        self._enabled: dict[str, bool] = {}

    def __getstate__(self) -> dict[str, object]:
        # Sent once to each worker process, which opens the cache itself.
        return {"settings": self.settings, "cache_directory": self.cache_directory}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["settings"], state["cache_directory"])  # type: ignore[misc, arg-type]

    def enabled(self, code: str) -> bool:
        verdict = self._enabled.get(code)
        if verdict is None:
            verdict = self._enabled[code] = self.selection.enabled(code)
        return verdict


def _ignored_here(path: str, settings: Settings) -> tuple[str, ...]:
    if not settings.per_file_ignores:
        return ()
    relative = _relative(path, settings.root)
    name = os.path.basename(path)
    codes: list[str] = []
    for glob, ignored in settings.per_file_ignores.items():
        if fnmatch(relative, glob) or ("/" not in glob and fnmatch(name, glob)):
            codes.extend(ignored)
    return tuple(codes)


def finish(result: FileResult, settings: Settings | _Plan) -> FileResult:
    """Keep the diagnostics the settings and the file's ``# noqa`` allow."""
    plan = settings if isinstance(settings, _Plan) else _Plan(settings)
    if not result.diagnostics and not plan.wants_unused_noqa:
        return result  # nothing to select, ignore or suppress
    ignored_here = _ignored_here(result.path, plan.settings)

    def wanted(code: str) -> bool:
        return plan.enabled(code) and not any(code.startswith(prefix) for prefix in ignored_here)

    diagnostics = [d for d in result.diagnostics if d.code in BUILTIN_CODES or wanted(d.code)]
    if result.source is not None:
        diagnostics, unused = apply_suppressions(result.source.text, diagnostics, KNOWN_CODES)
        if wanted(UNUSED_NOQA):
            diagnostics.extend(unused)
    diagnostics = [d for d in diagnostics if wanted(d.code)]
    diagnostics.sort(key=lambda d: d.sort_key())
    return replace(result, diagnostics=diagnostics)


def _check_file(path: str, plan: _Plan) -> FileResult:
    cache = plan.cache
    if cache is None:
        return finish(lint_path(path, plan.rules), plan)
    try:
        data = read_bytes(path)
    except UnreadableSource as error:
        return finish(unreadable(path, error), plan)
    if b"keras" not in data and not path.endswith(".ipynb"):
        # Decided without a parse (see lint_source): cheaper than the cache.
        return finish(lint_data(path, data, plan.rules), plan)
    key = Cache.key(data, path, plan.codes)
    cached = cache.get(key)
    if cached is not None:
        try:
            source = read_data(path, data)
        except UnreadableSource:
            source = None
        return finish(FileResult(path, source, cached), plan)
    result = lint_data(path, data, plan.rules)
    if not result.internal_errors:
        cache.put(key, result.diagnostics)
    return finish(result, plan)


_worker_plan: _Plan | None = None


def _start_worker(plan: _Plan) -> None:
    global _worker_plan
    _worker_plan = plan


def _check_in_worker(path: str) -> FileResult:
    assert _worker_plan is not None
    result = _check_file(path, _worker_plan)
    if not result.diagnostics and not result.internal_errors:
        # Nothing to report: do not send the file's text back.
        return FileResult(result.path, None)
    return result


def check_paths(
    paths: list[str], settings: Settings, jobs: int = 1, cache_directory: Path | None = None
) -> list[FileResult]:
    """Every file under ``paths``, in discovery order; with ``jobs > 1`` the
    files are checked by that many processes, with the same output."""
    files = discover(paths, settings)
    plan = _Plan(settings, cache_directory)
    if jobs > 1 and len(files) >= _PARALLEL_THRESHOLD:
        # Imported here: one file (stdin, an editor) never needs processes.
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(plan,)) as pool:
            return list(pool.map(_check_in_worker, files, chunksize=max(1, len(files) // (jobs * 8))))
    return [_check_file(path, plan) for path in files]


def check_text(path: str, text: str, settings: Settings) -> FileResult:
    """Lint Python code that is not read from disk (an editor buffer)."""
    return finish(lint_text(path, text, enabled_rules(settings)), settings)


def check_bytes(path: str, data: bytes, settings: Settings) -> FileResult:
    """Lint a file's content read elsewhere (stdin), named ``path``."""
    return finish(lint_data(path, data, enabled_rules(settings)), settings)
