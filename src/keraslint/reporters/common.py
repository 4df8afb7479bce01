"""What every output format says about one diagnostic."""

from __future__ import annotations

import re
from dataclasses import dataclass

from keraslint.alignment import LINE_BREAK
from keraslint.checker import BUILTIN_CODES, FileResult
from keraslint.diagnostics import Diagnostic

# Characters that would end, break or hide a line of text output: control
# characters (a newline in a file name would forge a finding line), the
# other line breaks of Unicode, and surrogates (a file name that is not
# UTF-8, a lone ``"\ud800"`` in a loss string), which no UTF-8 stream can
# encode.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    if "\udc80" <= character <= "\udcff":
        # A byte of a file name that is not UTF-8 (Python's surrogateescape).
        return f"\\x{ord(character) - 0xDC00:02x}"
    return character.encode("unicode_escape").decode("ascii") if ord(character) < 0x100 else f"\\u{ord(character):04x}"


def printable(text: str) -> str:
    """``text`` on one line that any terminal and encoding can show: what
    cannot be shown is written as a Python escape (``\\n``, ``\\xff``)."""
    return _UNPRINTABLE.sub(_escape, text)


DOCS_URL = "https://github.com/keraslint/keraslint/blob/main/docs/rules/{code}.md"


@dataclass(frozen=True)
class Related:
    """The other half of a finding, or a step of its trace, where the user sees it."""

    cell: int | None
    line: int
    column: int  # 1-based
    end_line: int
    end_column: int  # 1-based, exclusive
    message: str


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
    # The fix's range as the user sees it (cell-relative in a notebook):
    # (line, 1-based column) of its start and of its end.
    fix_start: tuple[int, int] | None = None
    fix_end: tuple[int, int] | None = None
    # The flagged line's text, whitespace collapsed ("" when unknown).
    snippet: str = ""
    related: tuple[Related, ...] = ()
    # How keraslint knows (``Diagnostic.trace``), origin first.
    trace: tuple[Related, ...] = ()

    @property
    def text(self) -> str:
        """Message and hint, as one line."""
        d = self.diagnostic
        return f"{d.message}; {d.hint}" if d.hint else d.message

    @property
    def where(self) -> str:
        prefix = f"cell {self.cell}:" if self.cell is not None else ""
        return f"{prefix}{self.line}:{self.column}"


def where(step: Related) -> str:
    """``line:column`` of a trace step or related span, ``cell N:`` first in a notebook."""
    prefix = f"cell {step.cell}:" if step.cell is not None else ""
    return f"{prefix}{step.line}:{step.column}"


def rule_url(code: str) -> str | None:
    return None if code in BUILTIN_CODES else DOCS_URL.format(code=code)


def located(results: list[FileResult]) -> list[Located]:
    items = []
    for result in results:
        lines = LINE_BREAK.split(result.source.text) if result.source is not None else []
        for diagnostic in result.diagnostics:
            fix_start = fix_end = None
            snippet = ""
            related: tuple[Related, ...] = ()
            trace: tuple[Related, ...] = ()
            if result.source is not None:
                cell, line, column = result.source.locate(diagnostic.span.start)
                _, end_line, end_column = result.source.locate(diagnostic.span.end)
                if diagnostic.fix is not None:
                    fix_start = result.source.locate(diagnostic.fix.span.start)[1:]
                    fix_end = result.source.locate(diagnostic.fix.span.end)[1:]
                related = tuple(
                    Related(*result.source.locate(span.start), *result.source.locate(span.end)[1:], message)
                    for span, message in diagnostic.related
                )
                trace = tuple(
                    Related(*result.source.locate(span.start), *result.source.locate(span.end)[1:], message)
                    for span, message in diagnostic.trace
                )
                if 0 < diagnostic.span.start.line <= len(lines):
                    snippet = " ".join(lines[diagnostic.span.start.line - 1].split())
            else:
                cell, line, column = None, diagnostic.span.start.line, diagnostic.span.start.column + 1
                end_line, end_column = line, column
            items.append(
                Located(
                    result.path,
                    diagnostic,
                    cell,
                    line,
                    column,
                    end_line,
                    end_column,
                    fix_start,
                    fix_end,
                    snippet,
                    related,
                    trace,
                )
            )
    return items
