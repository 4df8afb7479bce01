"""Text for people: ``concise`` (flake8's line) and ``full`` (with the code)."""

from __future__ import annotations

from typing import TextIO

from keraslint.alignment import LINE_BREAK
from keraslint.checker import FileResult
from keraslint.reporters.common import Located, located, printable


def concise_line(item: Located) -> str:
    """One finding on one line, whatever its file name or message holds."""
    return printable(f"{item.path}:{item.where}: {item.diagnostic.code} {item.text}")


def write_concise(results: list[FileResult], stream: TextIO) -> None:
    for item in located(results):
        stream.write(concise_line(item) + "\n")


def write_full(results: list[FileResult], stream: TextIO) -> None:
    sources = {result.path: result.source for result in results}
    for item in located(results):
        d = item.diagnostic
        stream.write(printable(f"{item.path}:{item.where}: {d.code} {d.message}") + "\n")
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
                caret = " " * d.span.start.column + "^" * max(width, 1)
                stream.write(f"{gutter} |\n{number} | {code_line}\n{gutter} | {caret}\n")
        if d.hint:
            stream.write(f"  = help: {printable(d.hint)}\n")
        stream.write("\n")
