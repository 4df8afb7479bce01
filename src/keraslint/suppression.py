"""``# noqa`` comments: on a line, and ``# keraslint: noqa`` for a file.

Comments are found with the standard ``tokenize`` module, so a ``# noqa``
inside a string is not one. Like flake8, ``# noqa`` alone suppresses every
code on its line and ``# noqa: KL101, KL204`` only those codes. A
diagnostic whose range spans several lines is also suppressed by a ``noqa``
on its last line.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass, field

from keraslint.diagnostics import Diagnostic, Position, Span

_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*))?", re.IGNORECASE)
_FILE_NOQA = re.compile(
    r"#\s*keraslint\s*:\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*))?", re.IGNORECASE
)
UNUSED_NOQA = "KL003"


@dataclass(frozen=True)
class NoqaComment:
    line: int
    column: int
    codes: tuple[str, ...] | None  # None: every code


@dataclass
class Suppressions:
    lines: dict[int, NoqaComment] = field(default_factory=dict)
    file_codes: tuple[str, ...] | None = ()  # None: the whole file; (): nothing

    def suppresses(self, diagnostic: Diagnostic) -> NoqaComment | None:
        for line in dict.fromkeys((diagnostic.span.start.line, diagnostic.span.end.line)):
            comment = self.lines.get(line)
            if comment is not None and (comment.codes is None or diagnostic.code in comment.codes):
                return comment
        return None


def _codes(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    return tuple(code.upper() for code in re.split(r"[,\s]+", text.strip()) if code)


def find_suppressions(text: str) -> Suppressions:
    found = Suppressions()
    if "noqa" not in text.lower():
        return found
    try:
        # Lines end at \r\n, \r or \n, as Python counts them; StringIO's
        # readline splits at \n only (a CR-only file would be one line).
        # One \n per line end keeps every line number and column.
        uniform = text.replace("\r\n", "\n").replace("\r", "\n")
        tokens = list(tokenize.generate_tokens(io.StringIO(uniform).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return found  # an unparseable file gets only its syntax error
    for token in tokens:
        if token.type != tokenize.COMMENT:
            continue
        file_match = _FILE_NOQA.search(token.string)
        if file_match:
            codes = _codes(file_match["codes"])
            if codes is None or found.file_codes is None:
                found.file_codes = None
            else:
                found.file_codes = (*found.file_codes, *codes)
            continue
        match = _NOQA.search(token.string)
        if match:
            line, column = token.start
            found.lines[line] = NoqaComment(line, column + match.start(), _codes(match["codes"]))
    return found


def apply_suppressions(
    text: str, diagnostics: list[Diagnostic], known_codes: frozenset[str], lines: bool = True
) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """(diagnostics kept, KL003 diagnostics for noqa codes that are unknown or
    suppress nothing). Codes of other tools (``E501``) are left alone.
    Without ``lines``, only ``# keraslint: noqa`` applies: flake8 handles
    the ``# noqa`` of each line itself."""
    found = find_suppressions(text)
    if not lines:
        found.lines.clear()
    kept: list[Diagnostic] = []
    used: dict[int, set[str]] = {}
    for diagnostic in diagnostics:
        if found.file_codes is None or diagnostic.code in found.file_codes:
            continue
        comment = found.suppresses(diagnostic)
        if comment is not None:
            used.setdefault(comment.line, set()).add(diagnostic.code)
            continue
        kept.append(diagnostic)
    unused: list[Diagnostic] = []
    for comment in found.lines.values():
        if comment.codes is None:
            continue
        for code in comment.codes:
            if not code.startswith("KL") or code in used.get(comment.line, set()):
                continue
            position = Position(comment.line, comment.column)
            what = "unknown code" if code not in known_codes else "unused code"
            unused.append(
                Diagnostic(
                    UNUSED_NOQA,
                    Span(position, position),
                    f"{what} `{code}` in `# noqa`",
                    "remove it from the comment",
                )
            )
    return kept, unused
