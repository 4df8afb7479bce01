"""flake8 plugin: the same diagnostics, with flake8 handling ``# noqa``,
``--select`` and ``--extend-select``.

Registered as ``flake8.extension`` ``KL = keraslint.flake8_plugin:KerasLintChecker``.
"""

from __future__ import annotations

import ast
from typing import ClassVar, Iterator, Sequence

from keraslint import __version__
from keraslint.checker import lint_text


class KerasLintChecker:
    name: ClassVar[str] = "keraslint"
    version: ClassVar[str] = __version__

    def __init__(self, tree: ast.AST, filename: str, lines: Sequence[str]) -> None:
        # flake8 has parsed the file already (``tree``); keraslint needs the
        # text, which ``lines`` holds exactly.
        self.filename = filename
        self.lines = lines

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        result = lint_text(self.filename, "".join(self.lines))
        for diagnostic in result.diagnostics:
            text = diagnostic.message if not diagnostic.hint else f"{diagnostic.message}; {diagnostic.hint}"
            start = diagnostic.span.start
            yield start.line, start.column, f"{diagnostic.code} {text}", type(self)
