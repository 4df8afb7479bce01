"""Lining up two versions of one text: LibCST's generated code and the file
as written.

LibCST's code generation does not give back every byte of the source: it
drops a leading form feed, a final lone ``\r``, blank lines of spaces and
backslash-continuation lines in some places. Positions computed on its code
(the spans of diagnostics) and fix spans must be mapped onto the file as it
is; ``Alignment`` maps offsets of the generated code to offsets of the
original where the two share the text.
"""

from __future__ import annotations

import bisect
import difflib
import re

from keraslint.diagnostics import Position

# The line breaks of Python and of LibCST's positions: \r\n, \r, \n. A
# form feed (or any other character) is one column.
LINE_BREAK = re.compile(r"\r\n?|\n")


def line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in LINE_BREAK.finditer(text))]


def offset(starts: list[int], text: str, position: Position) -> int | None:
    if not 1 <= position.line <= len(starts) or position.column < 0:
        return None
    offset = starts[position.line - 1] + position.column
    end = starts[position.line] if position.line < len(starts) else len(text)
    return offset if offset <= end else None


def _split_lines(text: str) -> list[str]:
    """The lines of ``text`` as LibCST counts them, each with its line break."""
    starts = line_starts(text)
    return [text[start:end] for start, end in zip(starts, [*starts[1:], len(text)])]


def split_lines(text: str) -> list[str]:
    """The lines of ``text``, each with its line break (``\r\n``, ``\r``
    or ``\n``: not a form feed, as ``str.splitlines`` would have it)."""
    return [line for line in _split_lines(text) if line]


class Alignment:
    """Maps offsets in LibCST's generated code to offsets in the original
    text: the blocks of characters the two have in common, found line by
    line, then character by character where lines differ."""

    def __init__(self, generated: str, original: str) -> None:
        # (start in generated, start in original, length), in order
        self.blocks: list[tuple[int, int, int]] = []
        self._starts: list[int] = [0]
        if generated == original:
            self.blocks.append((0, 0, len(original)))
            return
        ours, theirs = _split_lines(generated), _split_lines(original)
        at_ours, at_theirs = _starts_of(ours), _starts_of(theirs)
        # Only a few lines differ (the start, the end): match the common
        # prefix and suffix directly, the middle with difflib.
        head = 0
        while head < min(len(ours), len(theirs)) and ours[head] == theirs[head]:
            head += 1
        tail = 0
        while tail < min(len(ours), len(theirs)) - head and ours[-1 - tail] == theirs[-1 - tail]:
            tail += 1
        matcher = difflib.SequenceMatcher(None, ours[head : len(ours) - tail], theirs[head : len(theirs) - tail], False)
        opcodes = [("equal", 0, head, 0, head)]
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            opcodes.append((tag, i1 + head, i2 + head, j1 + head, j2 + head))
        opcodes.append(("equal", len(ours) - tail, len(ours), len(theirs) - tail, len(theirs)))
        for tag, i1, i2, j1, j2 in opcodes:
            if i1 == i2 or j1 == j2:
                continue
            start_ours, end_ours = at_ours[i1], at_ours[i2]
            start_theirs, end_theirs = at_theirs[j1], at_theirs[j2]
            if tag == "equal":
                self._add(start_ours, start_theirs, end_ours - start_ours)
                continue
            characters = difflib.SequenceMatcher(
                None, generated[start_ours:end_ours], original[start_theirs:end_theirs], False
            )
            for a, b, size in characters.get_matching_blocks():
                self._add(start_ours + a, start_theirs + b, size)
        self._starts = [block[0] for block in self.blocks]

    def _add(self, ours: int, theirs: int, size: int) -> None:
        if not size:
            return
        if self.blocks:
            last_ours, last_theirs, last_size = self.blocks[-1]
            if last_ours + last_size == ours and last_theirs + last_size == theirs:
                self.blocks[-1] = (last_ours, last_theirs, last_size + size)
                return
        self.blocks.append((ours, theirs, size))

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """Where ``[start, end)`` of the generated code is in the original,
        if the whole range is common to both."""
        index = bisect.bisect_right(self._starts, start) - 1
        if index < 0 or not self.blocks:
            return None
        ours, theirs, size = self.blocks[index]
        if end > ours + size:
            return None
        return theirs + start - ours, theirs + end - ours


def _starts_of(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts
