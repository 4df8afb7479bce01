"""What every output format says about one diagnostic."""

from __future__ import annotations

import re
from dataclasses import dataclass

from keraslint.alignment import LINE_BREAK
from keraslint.checker import BUILTIN_CODES, FileResult
from keraslint.diagnostics import Diagnostic, Replacement
from keraslint.fix_choice import finding_edits
from keraslint.sources import Source

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
class LocatedEdit:
    """One edit of a fix where the user sees it: (line, 1-based column) of
    its start and end, cell-relative in a notebook, and the new text."""

    cell: int | None
    start: tuple[int, int]
    end: tuple[int, int]
    text: str


@dataclass(frozen=True)
class LocatedFix:
    """A fix as every report shows it (ruff's JSON ``fix``): what it does,
    whether ``--fix`` alone applies it, its edits."""

    message: str | None
    safe: bool
    edits: tuple[LocatedEdit, ...]


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
    # What fixing this finding edits: its own fix and those of the findings
    # folded into it, as ``--fix --unsafe-fixes`` chooses them
    # (``keraslint.fix_choice``); safe when every one of them is.
    fix: LocatedFix | None = None
    # The flagged line's text, whitespace collapsed ("" when unknown).
    snippet: str = ""
    related: tuple[Related, ...] = ()
    # How keraslint knows (``Diagnostic.trace``), origin first.
    trace: tuple[Related, ...] = ()
    # Each folded finding's own fix (``Diagnostic.folded``, in order): the
    # parts ``fix`` is made of, each with its own applicability; None for
    # one without a fix.
    folded_fixes: tuple[LocatedFix | None, ...] = ()

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


def _fix(source: Source, message: str | None, edits: list[Replacement]) -> LocatedFix | None:
    if not edits:
        return None
    placed = []
    for edit in edits:
        cell, line, column = source.locate(edit.span.start)
        _, end_line, end_column = source.locate(edit.span.end)
        placed.append(LocatedEdit(cell, (line, column), (end_line, end_column), edit.text))
    return LocatedFix(message, all(edit.safe for edit in edits), tuple(placed))


def located(results: list[FileResult]) -> list[Located]:
    items = []
    for result in results:
        lines = LINE_BREAK.split(result.source.text) if result.source is not None else []
        for diagnostic in result.diagnostics:
            fix = None
            folded_fixes: tuple[LocatedFix | None, ...] = ()
            snippet = ""
            related: tuple[Related, ...] = ()
            trace: tuple[Related, ...] = ()
            if result.source is not None:
                cell, line, column = result.source.locate(diagnostic.span.start)
                _, end_line, end_column = result.source.locate(diagnostic.span.end)
                fix = _fix(result.source, diagnostic.hint, finding_edits(diagnostic))
                folded_fixes = tuple(
                    None if d.fix is None else _fix(result.source, d.hint, list(d.fix.edits)) for d in diagnostic.folded
                )
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
                    fix,
                    snippet,
                    related,
                    trace,
                    folded_fixes,
                )
            )
    return items
