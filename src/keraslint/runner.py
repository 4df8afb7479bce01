"""From paths (or text) and settings to the diagnostics the user sees:
selection, per-file ignores and ``# noqa`` applied on top of the checker."""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import replace
from fnmatch import fnmatch
from pathlib import Path

from keraslint.cache import Cache, prune
from keraslint.checker import (
    BUILTIN_CODES,
    UNREADABLE,
    FileResult,
    lint_data,
    lint_path,
    lint_text,
    read_data,
    unreadable,
    whole_file,
)
from keraslint.config import Settings
from keraslint.diagnostics import Diagnostic
from keraslint.discovery import _relative, discover
from keraslint.folding import fold
from keraslint.keras_version import keras_version_for
from keraslint.resolution import SettingsSource, as_resolver
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


def finish(result: FileResult, settings: Settings | _Plan, noqa_lines: bool = True) -> FileResult:
    """Keep the diagnostics the settings and the file's ``# noqa`` allow;
    without ``noqa_lines``, only its ``# keraslint: noqa`` (for flake8,
    which applies each line's ``# noqa`` itself)."""
    plan = settings if isinstance(settings, _Plan) else _Plan(settings)
    if not result.diagnostics and not plan.wants_unused_noqa:
        return result  # nothing to select, ignore or suppress
    ignored_here = _ignored_here(result.path, plan.settings)

    def wanted(code: str) -> bool:
        return plan.enabled(code) and not any(code.startswith(prefix) for prefix in ignored_here)

    diagnostics = [d for d in result.diagnostics if d.code in BUILTIN_CODES or wanted(d.code)]
    # One mistake, one finding: among the codes wanted here.
    diagnostics = fold(diagnostics)
    if result.source is not None:
        diagnostics, unused = apply_suppressions(result.source.text, diagnostics, KNOWN_CODES, noqa_lines)
        if wanted(UNUSED_NOQA):
            diagnostics.extend(unused)
    diagnostics = [d for d in diagnostics if wanted(d.code)]
    diagnostics.sort(key=lambda d: d.sort_key())
    return replace(result, diagnostics=diagnostics)


def _check_file(path: str, plan: _Plan) -> FileResult:
    cache = plan.cache
    version = keras_version_for(path, plan.settings.keras_version)
    if cache is None:
        return finish(lint_path(path, plan.rules, version), plan)
    try:
        data = read_bytes(path)
    except UnreadableSource as error:
        return finish(unreadable(path, error), plan)
    # The result depends on the project files the file imports too.
    imports = _imports_fingerprint(path, data)
    if b"keras" not in data and not path.endswith(".ipynb") and not imports:
        # Decided without a parse (see lint_source): cheaper than the cache.
        return finish(lint_data(path, data, plan.rules, version), plan)
    key = Cache.key(data, path, (*plan.codes, f"keras={version}", f"imports={imports}"))
    cached = cache.get(key)
    if cached is not None:
        try:
            source = read_data(path, data)
        except UnreadableSource:
            source = None
        return finish(FileResult(path, source, cached), plan)
    result = lint_data(path, data, plan.rules, version)
    # A file skipped because the clock ran out (not the step budget) may
    # pass on a less busy machine: that verdict is not kept.
    if not result.internal_errors and result.cacheable:
        cache.put(key, result.diagnostics)
    return finish(result, plan)


def _imports_fingerprint(path: str, data: bytes) -> str:
    from keraslint.analysis import project

    try:
        return project.fingerprint(path, data.decode("utf-8", errors="replace"))
    except (OSError, ValueError):
        return "unreadable"


# The plans of a run (one per configuration in effect), as each worker got them.
_worker_plans: list[_Plan] = []
# How often a worker looks whether the process that started it still lives.
_ORPHAN_CHECK_SECONDS = 1.0


def _exit_when_orphaned(parent: int) -> None:
    """A worker whose parent died (``kill -9``, an OOM kill, a CI timeout
    that signals only the main process) is re-parented and would wait on its
    task queue forever: end it instead."""
    import time

    while True:
        time.sleep(_ORPHAN_CHECK_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def _start_worker(plans: list[_Plan], parent: int) -> None:
    global _worker_plans
    import signal
    import threading

    _worker_plans = plans
    # Ctrl-C reaches the whole process group: the main process alone
    # answers it (one line, no traceback per worker).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), name="keraslint-orphan-check", daemon=True).start()


def _check_in_worker(task: tuple[str, int]) -> FileResult:
    path, plan = task
    result = _check_file(path, _worker_plans[plan])
    if not result.diagnostics and not result.internal_errors:
        # Nothing to report: do not send the file's text back.
        return FileResult(result.path, None)
    return result


def check_paths(
    paths: list[str], settings: SettingsSource, jobs: int = 1, cache_directory: Path | None = None
) -> list[FileResult]:
    """Every file under ``paths``, in discovery order, each checked with its
    own settings (``settings`` is a ``Resolver``, or one ``Settings`` for
    every file); with ``jobs > 1`` the files are checked by that many
    processes, with the same output. ``ConfigError`` for a configuration
    file met on the way that is invalid."""
    resolver = as_resolver(settings)
    unlisted: dict[str, str] = {}
    found = discover(paths, resolver, unlisted)
    files = [path for path in found if path not in unlisted]
    # One plan per configuration in effect: its rules are the cache key's.
    plans: list[_Plan] = []
    index: dict[int, int] = {}
    tasks: list[tuple[str, int]] = []
    for path in files:
        own = resolver.settings_for(path)
        if id(own) not in index:
            index[id(own)] = len(plans)
            plans.append(_Plan(own, cache_directory))
        tasks.append((path, index[id(own)]))
    checked: list[FileResult] | None = None
    workers = worker_count(jobs, len(files))
    if workers > 1:
        checked = _check_in_parallel(tasks, plans, workers)
    if checked is None:
        checked = [_check_file(path, plans[plan]) for path, plan in tasks]
    if cache_directory is not None:
        prune(cache_directory)  # after the hits of this run refreshed theirs
    if not unlisted:
        return checked
    # The directories that could not be listed, each where it was found.
    by_path = iter(checked)
    return [
        FileResult(path, None, [Diagnostic(UNREADABLE, whole_file(), unlisted[path])])
        if path in unlisted
        else next(by_path)
        for path in found
    ]


def worker_count(jobs: int, files: int) -> int:
    """How many processes check ``files`` files when ``jobs`` are asked for:
    never more than there are batches of files to share (a pool forks all
    its workers up front), nor more than twice the cores."""
    if jobs <= 1 or files < _PARALLEL_THRESHOLD:
        return 1  # starting processes would cost more than it saves
    return max(1, min(jobs, -(-files // (_PARALLEL_THRESHOLD // 2)), 2 * (os.cpu_count() or 1)))


def _check_in_parallel(tasks: list[tuple[str, int]], plans: list[_Plan], workers: int) -> list[FileResult] | None:
    """The files checked by ``workers`` processes; None when the processes
    cannot be started (a process limit): the caller checks them itself."""
    # Imported here: one file (stdin, an editor) never needs processes.
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(plans, os.getpid()))
    try:
        results = list(pool.map(_check_in_worker, tasks, chunksize=max(1, len(tasks) // (workers * 8))))
    except OSError as error:  # fork failed: EAGAIN under a process limit, ENOMEM
        _stop(pool)
        _notice(f"keraslint: cannot start {workers} worker processes ({error.strerror or error}); checking in one")
        return None
    except BaseException:  # Ctrl-C: stop the workers now, not after their work
        _stop(pool)
        raise
    pool.shutdown()
    return results


def _stop(pool: object) -> None:
    """Shut the pool down without waiting, and end the workers it started
    (a half-started pool would otherwise be waited for forever)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)  # type: ignore[attr-defined]
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError, AttributeError):
            process.join(5)


def _notice(message: str) -> None:
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(message + "\n")


def check_text(path: str, text: str, settings: Settings) -> FileResult:
    """Lint Python code that is not read from disk (an editor buffer)."""
    version = keras_version_for(path, settings.keras_version)
    return finish(lint_text(path, text, enabled_rules(settings), version), settings)


def check_bytes(path: str, data: bytes, settings: Settings) -> FileResult:
    """Lint a file's content read elsewhere (stdin), named ``path``."""
    version = keras_version_for(path, settings.keras_version)
    return finish(lint_data(path, data, enabled_rules(settings), version), settings)
