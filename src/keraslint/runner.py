"""From paths (or text) and settings to the diagnostics the user sees:
selection, per-file ignores and ``# noqa`` applied on top of the checker."""

from __future__ import annotations

import os
from dataclasses import replace
from fnmatch import fnmatch

from keraslint.checker import BUILTIN_CODES, UNREADABLE, FileResult, lint_path, lint_source, lint_text, whole_file
from keraslint.config import Settings
from keraslint.diagnostics import Diagnostic
from keraslint.discovery import _relative, discover
from keraslint.rules import ALL_RULES, RULES_BY_CODE, Rule
from keraslint.selection import Selection
from keraslint.sources import UnreadableSource
from keraslint.sources.notebook import parse_notebook
from keraslint.sources.python import PythonSource, decode
from keraslint.suppression import UNUSED_NOQA, apply_suppressions

OPT_IN_CODES = frozenset({UNUSED_NOQA})
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


def check_paths(paths: list[str], settings: Settings) -> list[FileResult]:
    rules = enabled_rules(settings)
    return [finish(lint_path(path, rules), settings) for path in discover(paths, settings)]


def check_text(path: str, text: str, settings: Settings) -> FileResult:
    """Lint Python code that is not read from disk (an editor buffer)."""
    return finish(lint_text(path, text, enabled_rules(settings)), settings)


def check_bytes(path: str, data: bytes, settings: Settings) -> FileResult:
    """Lint a file's content read elsewhere (stdin), named ``path``."""
    rules = enabled_rules(settings)
    try:
        source = parse_notebook(path, data) if path.endswith(".ipynb") else PythonSource(path, decode(data))
    except UnreadableSource as error:
        return FileResult(path, None, [Diagnostic(UNREADABLE, whole_file(), f"cannot read file: {error}")])
    if source is None:  # a notebook in another language
        return FileResult(path, None)
    return finish(lint_source(source, rules), settings)
