"""Findings of an analysis that saw through imports, placed in the linted file.

keraslint reports in the file it lints. A finding of the combined analysis
(``keraslint.analysis.splice``) on a line of the linted file keeps its place
and its fix. A finding on a line of another file is one that file's code
decides only with what the linted file gives it (a builder called with
``1``): it is reported at the linted file's call that made the model
(``build_model(1)``), or else at the first call of what was imported, with
the other file and line named in the message, and never with a fix (the
edit would be in the other file). One that the other file shows by itself
is left to the run that lints that file.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Callable

from keraslint.analysis.splice import Spliced
from keraslint.diagnostics import Diagnostic, Position, Span


def describer(spliced: Spliced, importer: str, describe_line: Callable[[int], str]) -> Callable[[int], str]:
    """How the combined analysis names a line in messages: ``models.py:7``
    for another file's, the linted file's own way for its own."""

    def describe(line: int) -> str:
        origin = spliced.origin(line)
        if origin is not None:
            return f"{shown(origin[0], importer)}:{origin[1]}"
        return describe_line(spliced.line(line))

    return describe


def shown(path: str, importer: str) -> str:
    """``path`` as the user of the file at ``importer`` reads it."""
    try:
        return os.path.relpath(path, os.path.dirname(os.path.realpath(importer))).replace(os.sep, "/")
    except ValueError:  # another drive
        return path


def place(
    spliced: Spliced,
    importer: str,
    found: list[Diagnostic],
    vias: dict[int, Span],
    alone: Callable[[str], set[tuple[str, int]]],
) -> list[Diagnostic]:
    """``found`` (spans of the combined tree) as findings of the linted file."""
    placed = []

    def mine(span: Span) -> bool:
        return spliced.origin(span.start.line) is None

    def back(span: Span) -> Span:
        return Span(
            Position(spliced.line(span.start.line), span.start.column),
            Position(spliced.line(span.end.line), span.end.column),
        )

    for diagnostic in found:
        via = vias.get(id(diagnostic))
        anchor = back(via) if via is not None and mine(via) else None
        origin = spliced.origin(diagnostic.span.start.line)
        message = spliced.unwritten(diagnostic.message)
        hint = spliced.unwritten(diagnostic.hint) if diagnostic.hint is not None else None
        if origin is None:
            span = back(diagnostic.span)
            fix = diagnostic.fix
            if fix is not None:
                fix = replace(fix, span=back(fix.span)) if mine(fix.span) else None
        else:
            path, line = origin
            if (diagnostic.code, line) in alone(path):
                continue  # that file's own finding
            anchor = anchor or _first_call(spliced, path)
            if anchor is None:
                continue
            span, fix = anchor, None
            message = f"{message} (defined at {shown(path, importer)}:{line})"
        subject = diagnostic.subject
        if subject is not None:
            output, compiled = subject
            if not mine(output) or (compiled is not None and not mine(compiled)):
                subject = (anchor, None) if anchor is not None else None
            else:
                subject = (back(output), back(compiled) if compiled is not None else None)
        placed.append(
            replace(
                diagnostic,
                span=span,
                message=message,
                hint=hint,
                fix=fix,
                related=tuple((back(s), spliced.unwritten(t)) for s, t in diagnostic.related if mine(s)),
                trace=tuple((back(s), spliced.unwritten(t)) for s, t in diagnostic.trace if mine(s)),
                subject=subject,
            )
        )
    return placed


def _first_call(spliced: Spliced, path: str) -> Span | None:
    calls = sorted(spliced.calls.get(path, ()))
    if not calls:
        return None
    line, column, end_line, end_column = calls[0]
    return Span(Position(line, column), Position(end_line, end_column))
