"""``# noqa`` comments: on a line, and ``# keraslint: noqa`` for a file.

Comments are found with the standard ``tokenize`` module, so a ``# noqa``
inside a string is not one. Like flake8, ``# noqa`` alone suppresses every
code on its line and ``# noqa: KL101, KL204`` only those codes. A
diagnostic whose range spans several lines is also suppressed by a ``noqa``
on its last line. A line where Python allows no comment (inside a
multi-line string, before a backslash continuation) is suppressed by the
``noqa`` of the line the string or continuation ends on, as ruff maps it.
"""

from __future__ import annotations

import bisect
import io
import re
import tokenize
from dataclasses import dataclass, field

from keraslint.diagnostics import Diagnostic, Position, Replacement, Span
from keraslint.folding import with_folded

_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*))?", re.IGNORECASE)
_FILE_NOQA = re.compile(
    r"#\s*keraslint\s*:\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*))?", re.IGNORECASE
)
UNUSED_NOQA = "KL003"
# Python 3.12+ tokenizes f-strings piece by piece (-1: an older Python).
_FSTRING_START = getattr(tokenize, "FSTRING_START", -1)
_FSTRING_END = getattr(tokenize, "FSTRING_END", -1)


@dataclass(frozen=True)
class NoqaComment:
    line: int
    column: int  # where the directive starts
    codes: tuple[str, ...] | None  # None: every code
    # The whole comment the directive is in (it may follow other text:
    # "why, then the directive"), where it starts, and the directive's
    # place in it.
    comment: str = ""
    comment_column: int = 0
    directive: tuple[int, int] = (0, 0)
    # Where the whitespace before the comment starts.
    space_column: int = 0

    def with_codes(self, codes: list[str]) -> str:
        """The comment with its directive naming ``codes`` (none: the
        directive and the space before it removed)."""
        start, end = self.directive
        before, after = self.comment[:start], self.comment[end:]
        if codes:
            return f"{before}# noqa: {', '.join(codes)}{after}"
        if before.strip():
            return before.rstrip() + after
        # What followed the directive (``# noqa: KL101 reason``) stays a comment.
        return f"#{after}" if after.strip() else ""


@dataclass
class Suppressions:
    lines: dict[int, NoqaComment] = field(default_factory=dict)
    file_codes: tuple[str, ...] | None = ()  # None: the whole file; (): nothing
    # Each line where a comment can go, and the column its content ends at
    # (where a comment is added); empty when the text could not be read.
    comment_ends: dict[int, int] = field(default_factory=dict)
    _lines: list[int] = field(default_factory=list)

    def noqa_line(self, line: int) -> int:
        """The line whose ``# noqa`` applies to ``line``: itself, or where
        the multi-line string or backslash continuation it is in ends."""
        if not self._lines:
            self._lines = sorted(self.comment_ends)
        index = bisect.bisect_left(self._lines, line)
        return self._lines[index] if index < len(self._lines) else line

    def suppresses(self, diagnostic: Diagnostic) -> NoqaComment | None:
        lines = (diagnostic.span.start.line, diagnostic.span.end.line)
        for line in dict.fromkeys(self.noqa_line(line) for line in lines):
            comment = self.lines.get(line)
            if comment is not None and (comment.codes is None or diagnostic.code in comment.codes):
                return comment
        return None


def _codes(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    return tuple(code.upper() for code in re.split(r"[,\s]+", text.strip()) if code)


def find_suppressions(text: str, always: bool = False) -> Suppressions:
    """The ``# noqa`` comments of ``text``; with ``always``, the lines
    where a comment can go even when there is no ``noqa`` (for adding them)."""
    found = Suppressions()
    if "noqa" not in text.lower() and not always:
        return found
    try:
        # Lines end at \r\n, \r or \n, as Python counts them; StringIO's
        # readline splits at \n only (a CR-only file would be one line).
        # One \n per line end keeps every line number and column.
        uniform = text.replace("\r\n", "\n").replace("\r", "\n")
        tokens = list(tokenize.generate_tokens(io.StringIO(uniform).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return found  # an unparseable file gets only its syntax error
    lines = uniform.split("\n")
    f_strings = 0  # Python 3.12+: a line break inside an f-string's braces
    for token in tokens:
        if token.type == _FSTRING_START or token.type == _FSTRING_END:
            f_strings += 1 if token.type == _FSTRING_START else -1
        elif token.type in (tokenize.NEWLINE, tokenize.NL) and not f_strings:
            found.comment_ends.setdefault(token.start[0], token.start[1])
        if token.type != tokenize.COMMENT:
            continue
        rest = 0
        file_match = _FILE_NOQA.search(token.string)
        if file_match:
            codes = _codes(file_match["codes"])
            if codes is None or found.file_codes is None:
                found.file_codes = None
            else:
                found.file_codes = (*found.file_codes, *codes)
            rest = file_match.end()
        # A line's own directive may follow the file's one in a comment.
        match = _NOQA.search(token.string, rest)
        if match:
            line, column = token.start
            found.lines[line] = NoqaComment(
                line,
                column + match.start(),
                _codes(match["codes"]),
                token.string,
                column,
                match.span(),
                len(lines[line - 1][:column].rstrip(" \t\f")),
            )
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
        # A folded finding's own noqa comment is used, and takes it out of its
        # root; suppressing the root suppresses what is folded into it.
        children = []
        for child in diagnostic.folded:
            if found.file_codes is not None and child.code not in found.file_codes:
                comment = found.suppresses(child)
                if comment is None:
                    children.append(child)
                elif comment.codes is not None:
                    used.setdefault(comment.line, set()).add(child.code)
        if len(children) != len(diagnostic.folded):
            diagnostic = with_folded(diagnostic, children)
        comment = found.suppresses(diagnostic)
        if comment is not None:
            used.setdefault(comment.line, set()).add(diagnostic.code)
            continue
        kept.append(diagnostic)
    unused: list[Diagnostic] = []
    for comment in found.lines.values():
        if comment.codes is None:
            continue
        stale = [code for code in comment.codes if code.startswith("KL") and code not in used.get(comment.line, set())]
        if not stale:
            continue
        fix = _removal(comment, stale)
        for code in stale:
            position = Position(comment.line, comment.column)
            what = "unknown code" if code not in known_codes else "unused code"
            unused.append(Diagnostic(UNUSED_NOQA, Span(position, position), f"{what} `{code}` in `# noqa`", _HINT, fix))
    return kept, unused


_HINT = "remove it from the comment"


def _removal(comment: NoqaComment, stale: list[str]) -> Replacement:
    """The safe fix of every stale code of ``comment`` at once (as ruff's
    RUF100): the comment without them, or without its directive when no
    code remains. Each of the comment's KL003 findings carries this same
    fix, so that any of them, or all, applies it once."""
    kept = [code for code in dict.fromkeys(comment.codes or ()) if code not in stale]
    new = comment.with_codes(kept)
    end = Position(comment.line, comment.comment_column + len(comment.comment))
    start = comment.comment_column if new else comment.space_column
    return Replacement(Span(Position(comment.line, start), end), new, safe=True)
