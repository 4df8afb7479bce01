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


def read_bytes(path: str) -> bytes:
    try:
        # A FIFO or a device named ``x.py`` would block or never end.
        if os.path.exists(path) and not stat.S_ISREG(os.stat(path).st_mode):
            raise UnreadableSource("not a regular file")
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise UnreadableSource(error.strerror or str(error)) from None
