"""Reading a ``.py`` file: bytes -> text, and positions as the user sees them."""

from __future__ import annotations

import io
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


def decode(data: bytes) -> str:
    """Decode as Python does: BOM, PEP 263 coding cookie, else UTF-8."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        raise UnreadableSource(str(error)) from None
    if not _ascii_compatible(encoding):
        # CPython refuses such a cookie: ``SyntaxError: encoding problem: utf-16``.
        raise UnreadableSource(f"encoding problem: {encoding} (Python reads source code only in ASCII-based encodings)")
    try:
        return data.decode(encoding)
    except (UnicodeError, LookupError, ValueError, TypeError) as error:  # any codec can fail
        raise UnreadableSource(f"cannot decode as {encoding}: {error}") from None
