"""Text for people: ``concise`` (flake8's line) and ``full`` (with the code)."""

from __future__ import annotations

from typing import TextIO

from keraslint.checker import FileResult
from keraslint.reporters.common import Located, located


def concise_line(item: Located) -> str:
    return f"{item.path}:{item.where}: {item.diagnostic.code} {item.text}"


def write_concise(results: list[FileResult], stream: TextIO) -> None:
    for item in located(results):
        stream.write(concise_line(item) + "\n")


def write_full(results: list[FileResult], stream: TextIO) -> None:
    sources = {result.path: result.source for result in results}
    for item in located(results):
        d = item.diagnostic
        stream.write(f"{item.path}:{item.where}: {d.code} {d.message}\n")
        source = sources.get(item.path)
        if source is not None:
            lines = source.text.splitlines()
            index = d.span.start.line - 1
            if 0 <= index < len(lines):
                code_line = lines[index]
                number = str(item.line)
                gutter = " " * len(number)
                width = d.span.end.column - d.span.start.column if d.span.end.line == d.span.start.line else 1
                caret = " " * d.span.start.column + "^" * max(width, 1)
                stream.write(f"{gutter} |\n{number} | {code_line}\n{gutter} | {caret}\n")
        if d.hint:
            stream.write(f"  = help: {d.hint}\n")
        stream.write("\n")
