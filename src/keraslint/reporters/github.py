"""GitHub Actions workflow commands: an annotation per diagnostic."""

from __future__ import annotations

import re
from typing import TextIO

from keraslint.checker import BUILTIN_CODES, FileResult
from keraslint.reporters.common import located, printable

_SURROGATE = re.compile("[\ud800-\udfff]")


def _data(value: str) -> str:
    # Surrogates (a file name that is not UTF-8) cannot be written to the
    # runner's UTF-8 log: they are shown as escapes.
    value = _SURROGATE.sub(lambda match: printable(match.group()), value)
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def write_github(results: list[FileResult], stream: TextIO) -> None:
    for item in located(results):
        code = item.diagnostic.code
        level = "error" if code in BUILTIN_CODES else "warning"
        properties = (
            f"title={_property(code)},file={_property(item.path)},line={item.line},col={item.column},"
            f"endLine={item.end_line},endColumn={item.end_column}"
        )
        where = f"cell {item.cell}:" if item.cell is not None else ""
        stream.write(f"::{level} {properties}::{_data(f'{where}{item.line}:{item.column}: {code} {item.text}')}\n")
