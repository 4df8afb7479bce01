"""``keraslint --add-noqa``: a ``# noqa: KLxxx`` on the line of every
finding, as ``ruff check --add-noqa`` writes it.

A code joins the line's existing ``# noqa:`` (codes merged, sorted, each
once; other tools' codes kept), or a new directive is added after the
line's code and comment. A finding inside a multi-line string or on a
backslash-continued line gets its directive where the string or the
continuation ends, the line whose ``noqa`` keraslint reads for it
(``suppression.Suppressions.noqa_line``). The edits are comment fixes,
written as ``--fix`` writes its fixes (``fixes.py``): only the changed
bytes differ, a notebook keeps its JSON layout, and a file that changed
since it was checked is left alone.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass

from keraslint.alignment import LINE_BREAK
from keraslint.checker import BUILTIN_CODES, SYNTAX_ERROR, FileResult
from keraslint.diagnostics import Position, Replacement, Span
from keraslint.fixes import NotFixed, fix_notebook, fix_python, replace_contents
from keraslint.sources import UnreadableSource, read_bytes
from keraslint.sources.notebook import NotebookSource, parse_notebook
from keraslint.sources.python import PythonSource, decode
from keraslint.suppression import UNUSED_NOQA, find_suppressions


def noqa_edits(text: str, codes_by_line: dict[int, set[str]]) -> list[Replacement]:
    """The comment edits that make ``text``'s ``# noqa`` comments name the
    given codes on the given lines (lines of the findings, not yet mapped).
    Raises ``NotFixed`` when Python's tokenizer cannot read ``text``."""
    found = find_suppressions(text, always=True)
    if codes_by_line and not found.comment_ends:
        raise NotFixed("its lines could not be read as Python tokens")
    wanted: dict[int, set[str]] = defaultdict(set)
    for line, codes in codes_by_line.items():
        wanted[found.noqa_line(line)] |= codes
    edits: list[Replacement] = []
    lines = LINE_BREAK.split(text)
    for line, codes in sorted(wanted.items()):
        comment = found.lines.get(line)
        if comment is not None:
            if comment.codes is None or codes <= set(comment.codes):
                continue  # already suppressed
            new = comment.with_codes(sorted({*comment.codes, *codes}))
            start = Position(line, comment.comment_column)
            end = Position(line, comment.comment_column + len(comment.comment))
            edits.append(Replacement(Span(start, end), new))
            continue
        end_column = found.comment_ends.get(line)
        if end_column is None or line > len(lines):
            continue  # past the last line of code: nothing there to suppress
        code_end = len(lines[line - 1][:end_column].rstrip(" \t\f"))
        directive = f"  # noqa: {', '.join(sorted(codes))}"
        edits.append(Replacement(Span(Position(line, code_end), Position(line, end_column)), directive))
    return edits


def _codes_by_line(result: FileResult) -> dict[int, set[str]]:
    by_line: dict[int, set[str]] = defaultdict(set)
    for diagnostic in result.diagnostics:
        # KL001/KL002 have no line to suppress; a stale-noqa finding is
        # fixed, not suppressed.
        if diagnostic.code not in BUILTIN_CODES and diagnostic.code != UNUSED_NOQA:
            by_line[diagnostic.span.start.line].add(diagnostic.code)
    return by_line


@dataclass
class _Outcome:
    directives: int = 0
    failed: bool = False


def _add(result: FileResult, outcome: _Outcome) -> None:
    source = result.source
    codes = _codes_by_line(result)
    if not codes or not isinstance(source, (PythonSource, NotebookSource)):
        return
    if any(d.code == SYNTAX_ERROR for d in result.diagnostics):
        raise NotFixed("it does not parse")
    edits = noqa_edits(source.text, codes)
    if not edits:
        return
    data = read_bytes(result.path)
    try:
        if isinstance(source, NotebookSource):
            same = parse_notebook(result.path, data) == source
        else:
            same = decode(data) == source.text
    except (UnreadableSource, ValueError, RecursionError, MemoryError):
        same = False
    if not same:
        raise NotFixed("it changed while being checked")
    if isinstance(source, NotebookSource):
        new, count = fix_notebook(data, source, edits).data, len(edits)
    else:
        fixed = fix_python(data, source.text, edits)
        new, count = fixed.data, fixed.applied
    replace_contents(result.path, new, data)
    outcome.directives += count


def add_noqa(results: list[FileResult]) -> int:
    """Add the directives to the files; the exit status: 0, or 2 when a
    file could not be changed (said on stderr, the others are changed)."""
    outcome = _Outcome()
    for result in results:
        try:
            _add(result, outcome)
        except (NotFixed, UnreadableSource, OSError, ValueError, RecursionError, MemoryError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            print(f"keraslint: {result.path}: noqa directives not added: {reason}", file=sys.stderr)
            outcome.failed = True
    if outcome.directives:
        plural = "" if outcome.directives == 1 else "s"
        print(f"Added {outcome.directives} noqa directive{plural}.", file=sys.stderr)
    return 2 if outcome.failed else 0
