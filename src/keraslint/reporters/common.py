"""What every output format says about one diagnostic."""

from __future__ import annotations

from dataclasses import dataclass

from keraslint.checker import BUILTIN_CODES, FileResult
from keraslint.diagnostics import Diagnostic

DOCS_URL = "https://github.com/keraslint/keraslint/blob/main/docs/rules/{code}.md"


@dataclass(frozen=True)
class Located:
    """A diagnostic with its position as the user sees it."""

    path: str
    diagnostic: Diagnostic
    cell: int | None
    line: int
    column: int  # 1-based
    end_line: int
    end_column: int  # 1-based, exclusive

    @property
    def text(self) -> str:
        """Message and hint, as one line."""
        d = self.diagnostic
        return f"{d.message}; {d.hint}" if d.hint else d.message

    @property
    def where(self) -> str:
        prefix = f"cell {self.cell}:" if self.cell is not None else ""
        return f"{prefix}{self.line}:{self.column}"


def rule_url(code: str) -> str | None:
    return None if code in BUILTIN_CODES else DOCS_URL.format(code=code)


def located(results: list[FileResult]) -> list[Located]:
    items = []
    for result in results:
        for diagnostic in result.diagnostics:
            if result.source is not None:
                cell, line, column = result.source.locate(diagnostic.span.start)
                _, end_line, end_column = result.source.locate(diagnostic.span.end)
            else:
                cell, line, column = None, diagnostic.span.start.line, diagnostic.span.start.column + 1
                end_line, end_column = line, column
            items.append(Located(result.path, diagnostic, cell, line, column, end_line, end_column))
    return items
