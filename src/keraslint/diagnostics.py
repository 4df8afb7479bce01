"""A diagnostic is small data: a code, a range, a message, a hint, a fix."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Position:
    """1-based line, 0-based column, as LibCST reports them."""

    line: int
    column: int


@dataclass(frozen=True, order=True)
class Span:
    start: Position
    end: Position


@dataclass(frozen=True)
class Replacement:
    """Replace the source text covered by ``span`` with ``text``.

    ``safe`` fixes keep the meaning the user intended and are applied by
    ``--fix``; the others need ``--unsafe-fixes``.
    """

    span: Span
    text: str
    safe: bool = True


@dataclass(frozen=True)
class Diagnostic:
    code: str
    span: Span
    message: str
    hint: str | None = None
    fix: Replacement | None = None
    # The other half of the finding that the message names ("loss at line
    # 17"): each a span and what is there. Not compared, so that two
    # findings that differ only in it are still one.
    related: tuple[tuple[Span, str], ...] = field(default=(), compare=False)

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.span.start.line, self.span.start.column, self.code, self.message)
