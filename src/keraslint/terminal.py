"""Colour on a terminal, decided as ruff decides it.

``--color always|never`` wins; with ``auto`` (the default), a non-empty
``NO_COLOR`` (https://no-color.org) turns colour off, else a non-empty
``FORCE_COLOR`` turns it on, else there is colour only when the stream is
a terminal. ruff 0.17 behaves so: ``NO_COLOR=1 FORCE_COLOR=1`` is plain,
``FORCE_COLOR=0`` is coloured (only an empty value is "unset").
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping, TextIO

COLOR_CHOICES = ("auto", "always", "never")


def wants_color(choice: str, stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):  # a closed stream
        return False


@dataclass(frozen=True)
class Style:
    """Paints text with ANSI escapes, or leaves it as it is. Text is made
    printable before it is painted: the escapes are the only control
    characters in the output."""

    color: bool = False

    def _paint(self, text: str, sgr: str) -> str:
        return f"\x1b[{sgr}m{text}\x1b[0m" if self.color and text else text

    def bold(self, text: str) -> str:
        return self._paint(text, "1")

    def code(self, text: str) -> str:
        """A rule code, as ruff shows it: bold red."""
        return self._paint(text, "1;31")

    def punctuation(self, text: str) -> str:
        """The separators of a location, and the ``*`` of ``[*]``: cyan."""
        return self._paint(text, "36")

    def success(self, text: str) -> str:
        return self._paint(text, "1;32")


PLAIN = Style()
