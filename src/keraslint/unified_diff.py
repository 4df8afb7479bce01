"""The unified diff ``keraslint check --diff`` prints, as ``diff -u``, git
and ruff print it.

:mod:`difflib` leaves a last line without its line break as it is, so the
next line of the diff was glued to it (``-old+new`` on one line) and a
file's missing final newline could not be told from a present one. Here
every line of the diff ends with a line break, and for a file (as ``diff
-u`` and ruff do) a line that had none is followed by ``\\ No newline at end
of file``. A notebook cell never ends with a line break of its own: as
ruff, its diff ends each line but adds no such marker.
"""

from __future__ import annotations

import difflib
from typing import Iterator

from keraslint.alignment import split_lines

NO_NEWLINE = "\\ No newline at end of file\n"
_LINE_ENDS = ("\n", "\r")  # "\r\n" ends with "\n"


def unified_diff(before: str, after: str, label: str, *, newline_marker: bool = True) -> Iterator[str]:
    """The lines of the diff from ``before`` to ``after``, both named
    ``label``; each line ends with its line break. ``newline_marker``:
    say when a last line has no line break (files, not notebook cells)."""
    # Lines as Python ends them (a form feed is not a line end).
    for line in difflib.unified_diff(split_lines(before), split_lines(after), fromfile=label, tofile=label):
        if line.endswith(_LINE_ENDS):
            yield line
        else:
            yield line + "\n" + (NO_NEWLINE if newline_marker else "")
