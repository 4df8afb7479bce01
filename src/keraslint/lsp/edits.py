"""Incremental text sync: apply an LSP range edit to a document's text.

pygls' own incremental apply splits lines with ``str.splitlines``, which also
breaks on form feed, ``\\x1c``-``\\x1e``, ``\\x85``, ``\\u2028`` and
``\\u2029``; LSP (like Python's tokenizer) ends lines only with ``\\n``,
``\\r\\n`` and ``\\r``. An edit below a form feed would land on the wrong
line. Here lines are counted as LSP counts them, and columns in the
negotiated position encoding's code units (UTF-16 by default: a character
outside the Basic Multilingual Plane is two units).
"""

from __future__ import annotations

import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _units(character: str, encoding: str) -> int:
    if encoding == "utf-32":
        return 1
    if encoding == "utf-8":
        return len(character.encode("utf-8", "surrogatepass"))
    return 2 if ord(character) > 0xFFFF else 1


def offset_of(text: str, line: int, character: int, encoding: str = "utf-16") -> int:
    """The code-point offset of an LSP position in ``text``. As the
    specification says, a line past the end means the end of the text and a
    column past the line's end means the line's end; a column inside a
    character (half a surrogate pair) rounds to that character's end."""
    start = 0
    for _ in range(max(line, 0)):
        found = _LINE_BREAK.search(text, start)
        if found is None:
            return len(text)
        start = found.end()
    found = _LINE_BREAK.search(text, start)
    end = found.start() if found is not None else len(text)
    counted = 0
    offset = start
    while offset < end and counted < character:
        counted += _units(text[offset], encoding)
        offset += 1
    return offset


def apply_edit(text: str, start: tuple[int, int], end: tuple[int, int], new_text: str, encoding: str = "utf-16") -> str:
    """``text`` with the range from ``start`` to ``end`` (LSP line and
    character pairs) replaced by ``new_text``."""
    first, last = sorted((offset_of(text, *start, encoding), offset_of(text, *end, encoding)))
    return text[:first] + new_text + text[last:]
