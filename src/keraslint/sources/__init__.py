"""Where code comes from, and how its positions are shown to the user."""

from __future__ import annotations

import os
import stat
from typing import Protocol

from keraslint.diagnostics import Position


class UnreadableSource(Exception):
    """The file cannot be read or decoded; the message says why."""


class Source(Protocol):
    """Python code to lint, and the way to show a position in it."""

    path: str
    text: str

    def display(self, position: Position) -> str:
        """The position as the user sees it: ``line:col`` or ``cell N:line:col``."""
        ...

    def describe_line(self, line: int) -> str:
        """A line named in a message: ``line 12`` or ``cell 3, line 2``."""
        ...

    def locate(self, position: Position) -> tuple[int | None, int, int]:
        """(cell or None, line, 1-based column) as the user sees them."""
        ...


# No input is read beyond this: Python code is analysed up to 512 KB
# (``checker.MAX_SOURCE_BYTES``), and a notebook of this size is mostly
# outputs (images). A larger file or stdin is reported, not read into memory.
MAX_INPUT_BYTES = 64 * 1024 * 1024


def too_large(limit: int) -> str:
    return f"too large to read (more than {limit // (1024 * 1024)} MB)"


def read_bytes(path: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    try:
        # A FIFO or a device named ``x.py`` would block or never end.
        if os.path.exists(path) and not stat.S_ISREG(os.stat(path).st_mode):
            raise UnreadableSource("not a regular file")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise UnreadableSource(error.strerror or str(error)) from None
    except ValueError as error:  # a NUL byte in the name
        raise UnreadableSource(str(error)) from None
    if len(data) > limit:
        raise UnreadableSource(too_large(limit))
    return data
