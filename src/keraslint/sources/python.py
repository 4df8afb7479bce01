"""Reading a ``.py`` file: bytes -> text, and positions as the user sees them."""

from __future__ import annotations

import re
import string
import tokenize
from dataclasses import dataclass

from keraslint.diagnostics import Position
from keraslint.sources import UnreadableSource


@dataclass(frozen=True)
class PythonSource:
    path: str
    text: str

    def display(self, position: Position) -> str:
        """``line:col`` with a 1-based column, as flake8 and ruff print it."""
        return f"{position.line}:{position.column + 1}"

    def locate(self, position: Position) -> tuple[int | None, int, int]:
        """(cell, line, 1-based column): no cell in a ``.py`` file."""
        return None, position.line, position.column + 1

    def describe_line(self, line: int) -> str:
        return f"line {line}"


def _ascii_compatible(encoding: str) -> bool:
    """Whether the codec reads ASCII as ASCII, as Python requires of a
    source encoding: UTF-16, UTF-32 and EBCDIC code pages do not, and
    CPython refuses to run a file declaring them."""
    sample = string.ascii_letters + string.digits + " \t\n#:-_.=()[]{},'\""
    try:
        return sample.encode("ascii").decode(encoding) == sample
    except (UnicodeError, LookupError, ValueError, TypeError):
        return False


_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines(data: bytes):  # noqa: ANN202 - a readline
    """A ``readline`` over ``data`` that ends lines at \r\n, \r or \n, as
    CPython does when it looks for the coding cookie (``tokenize``'s
    ``BytesIO.readline`` ends them at \n only: in a CR-only file the cookie
    would be read from the whole file as one line)."""
    lines = (match.group() for match in _LINE.finditer(data))
    return lambda: next(lines, b"")


def detect_encoding(data: bytes) -> str:
    """The encoding Python reads ``data`` in: BOM, PEP 263 coding cookie
    (on a line ended by \n, \r\n or \r), else UTF-8."""
    try:
        encoding, _ = tokenize.detect_encoding(_lines(data))
    except SyntaxError as error:
        raise UnreadableSource(str(error)) from None
    return encoding


def decode(data: bytes) -> str:
    """Decode as Python does: BOM, PEP 263 coding cookie, else UTF-8."""
    encoding = detect_encoding(data)
    if not _ascii_compatible(encoding):
        # CPython refuses such a cookie: ``SyntaxError: encoding problem: utf-16``.
        raise UnreadableSource(f"encoding problem: {encoding} (Python reads source code only in ASCII-based encodings)")
    try:
        return data.decode(encoding)
    except (UnicodeError, LookupError, ValueError, TypeError) as error:  # any codec can fail
        raise UnreadableSource(f"cannot decode as {encoding}: {error}") from None
