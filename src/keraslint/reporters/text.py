"""Text for people: ``concise`` (flake8's line) and ``full`` (with the code).

Both mark with ``[*]`` the findings that ``marked`` says ``--fix`` would
fix, and paint with ``style`` (plain unless colour is wanted). ``full``
shows each finding's trace under its code; ``concise`` with ``--show-trace``
puts each step on a line of its own, ``path:line:col: step``, under the
finding."""

from __future__ import annotations

from typing import Callable, Optional, TextIO

from keraslint.alignment import LINE_BREAK
from keraslint.checker import FileResult
from keraslint.diagnostics import Diagnostic
from keraslint.reporters.common import Located, located, printable, where
from keraslint.terminal import PLAIN, Style

Marked = Optional[Callable[[Diagnostic], bool]]


def _fix_mark(style: Style) -> str:
    return f"[{style.punctuation('*')}] "


def _header(item: Located, style: Style, marked: Marked, message: str) -> str:
    """``path:line:col: CODE [*] message``, as ruff's concise line."""
    colon = style.punctuation(":")
    where = colon.join(printable(part) for part in item.where.split(":"))
    mark = _fix_mark(style) if marked is not None and marked(item.diagnostic) else ""
    code = style.code(printable(item.diagnostic.code))
    return f"{style.bold(printable(item.path))}{colon}{where}{colon} {code} {mark}{printable(message)}"


def concise_line(item: Located, style: Style = PLAIN, marked: Marked = None) -> str:
    """One finding on one line, whatever its file name or message holds."""
    return _header(item, style, marked, item.text)


def write_concise(
    results: list[FileResult],
    stream: TextIO,
    style: Style = PLAIN,
    marked: Marked = None,
    show_trace: bool = False,
) -> None:
    for item in located(results):
        stream.write(concise_line(item, style, marked) + "\n")
        if show_trace:
            colon = style.punctuation(":")
            for step in item.trace:
                at = colon.join(printable(part) for part in where(step).split(":"))
                stream.write(f"    {printable(item.path)}{colon}{at}{colon} {printable(step.message)}\n")


def _write_trace(item: Located, stream: TextIO, style: Style) -> None:
    """The steps behind the finding, origin first, each where it is."""
    if not item.trace:
        return
    places = [where(step) for step in item.trace]
    width = max(map(len, places))
    stream.write(f"  = {style.bold('trace')}:\n")
    for place, step in zip(places, item.trace):
        stream.write(f"      {printable(place):<{width}}  {printable(step.message)}\n")


def write_full(
    results: list[FileResult],
    stream: TextIO,
    style: Style = PLAIN,
    marked: Marked = None,
    show_trace: bool = True,
) -> None:
    sources = {result.path: result.source for result in results}
    for item in located(results):
        d = item.diagnostic
        stream.write(_header(item, style, marked, d.message) + "\n")
        source = sources.get(item.path)
        if source is not None:
            # The line ends Python counts (``str.splitlines`` also breaks at
            # form feeds, ``\x85``, U+2028...).
            lines = LINE_BREAK.split(source.text)
            index = d.span.start.line - 1
            if 0 <= index < len(lines):
                # Tabs kept, so that the caret stays under the code.
                code_line = "\t".join(printable(part) for part in lines[index].split("\t"))
                number = str(item.line)
                gutter = " " * len(number)
                width = d.span.end.column - d.span.start.column if d.span.end.line == d.span.start.line else 1
                caret = " " * d.span.start.column + style.code("^" * max(width, 1))
                stream.write(f"{gutter} |\n{number} | {code_line}\n{gutter} | {caret}\n")
        if show_trace:
            _write_trace(item, stream, style)
        if d.hint:
            stream.write(f"  = {style.bold('help')}: {printable(d.hint)}\n")
        stream.write("\n")
