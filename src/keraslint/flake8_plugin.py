"""flake8 plugin: the same diagnostics as the ``keraslint`` command.

Each file is checked with its own settings (its nearest configuration
file, as the command line resolves it) and its ``# keraslint: noqa``;
flake8 handles each line's ``# noqa``, ``--select`` and ``--extend-select``.

Registered as ``flake8.extension`` ``KL = keraslint.flake8_plugin:KerasLintChecker``.
"""

from __future__ import annotations

import ast
from typing import ClassVar, Iterator, Sequence

from keraslint import __version__
from keraslint.checker import lint_text
from keraslint.config import ConfigError
from keraslint.discovery import is_excluded
from keraslint.keras_version import keras_version_for
from keraslint.resolution import Resolver
from keraslint.runner import KNOWN_CODES, enabled_rules, finish

# flake8 checks many files in one process (or a few): each directory's
# configuration is read once.
_RESOLVER = Resolver(KNOWN_CODES)


class KerasLintChecker:
    name: ClassVar[str] = "keraslint"
    version: ClassVar[str] = __version__

    def __init__(self, tree: ast.AST, filename: str, lines: Sequence[str]) -> None:
        # flake8 has parsed the file already (``tree``); keraslint needs the
        # text, which ``lines`` holds exactly.
        self.filename = filename
        self.lines = lines

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        # flake8 names stdin "stdin" unless --stdin-display-name says otherwise.
        named = self.filename if self.filename not in ("-", "stdin") else "."
        try:
            settings = _RESOLVER.settings_for(named)
        except ConfigError as error:
            # flake8's own way to report a plugin that cannot run: one line
            # naming the file and the configuration error, no traceback.
            from flake8.exceptions import PluginExecutionFailed

            raise PluginExecutionFailed(self.filename, self.name, error) from None
        if settings.force_exclude and is_excluded(self.filename, settings):
            return
        version = keras_version_for(named, settings.keras_version)
        result = lint_text(self.filename, "".join(self.lines), enabled_rules(settings), version)
        for diagnostic in finish(result, settings, noqa_lines=False).diagnostics:
            text = diagnostic.message if not diagnostic.hint else f"{diagnostic.message}; {diagnostic.hint}"
            start = diagnostic.span.start
            yield start.line, start.column, f"{diagnostic.code} {text}", type(self)
