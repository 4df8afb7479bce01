"""Applying fixes: each fix replaces one string literal, the comment at
the end of a line (``# noqa``: added, changed, removed), or one keyword
argument of a call (removed, or its value set: ``keraslint.argument_edits``),
and nothing else of the file changes.

The fixes' spans are LibCST positions, i.e. positions in the code LibCST
generates back from its tree, which is not always the file's text (LibCST
drops a form feed before a statement, a final lone ``\\r``, some blank
lines...). So the module is never regenerated: each span is found in the
file's own text (by aligning the two), must hold the string literal LibCST
saw there, and the replacement is spliced into the original text and then
into the original bytes. Then the result is checked, not trusted: every
byte outside the fix spans is the same, the fixed bytes decode to the fixed
text, and LibCST reads the fixed text as the fixed tree.
"""

from __future__ import annotations

import ast
import codecs
import contextlib
import errno
import json
import os
import re
import stat
import tempfile
import warnings
from dataclasses import dataclass

import libcst as cst

from keraslint.alignment import LINE_BREAK as _LINE_BREAK
from keraslint.alignment import Alignment as _Alignment
from keraslint.alignment import line_starts as _line_starts
from keraslint.alignment import offset as _offset
from keraslint.argument_edits import holds
from keraslint.diagnostics import Replacement
from keraslint.fix_choice import wanted_fixes as wanted_fixes
from keraslint.loss_object_fix import holds as holds_expression
from keraslint.sources import UnreadableSource
from keraslint.sources.notebook import NotebookSource
from keraslint.sources.python import detect_encoding


class NotFixed(Exception):
    """The fixes cannot be applied without changing more than they change,
    or cannot be written; the message says why (one line)."""


class NotebookNotFixed(NotFixed):
    """The fixes cannot be written back without changing more than they
    change (the notebook's JSON layout, a cell whose lines IPython rewrote)."""


# ---------------------------------------------------------------------------
# Where a fix is in the text
# ---------------------------------------------------------------------------

# Lines and offsets: see keraslint.alignment.
# A string literal as LibCST's SimpleString holds it: an optional prefix,
# then quotes (an f-string is not a SimpleString).
_STRING_LITERAL = re.compile(r"(?is)[rbu]{0,2}('''|\"\"\"|'|\").*\1")


def _is_string_literal(code: str) -> bool:
    if not _STRING_LITERAL.fullmatch(code):
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the code's own escape warnings
            tree = ast.parse(code, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return isinstance(tree.body, ast.Constant) and isinstance(tree.body.value, (str, bytes))


# A decimal integer literal (a unit count): digits, no sign, no underscore.
_INTEGER_LITERAL = re.compile(r"0|[1-9][0-9]{0,17}")


def _is_integer_literal(code: str) -> bool:
    return _INTEGER_LITERAL.fullmatch(code) is not None


class _CommentPlaces:
    """Where ``text`` has comments and line ends, as offsets: a comment
    edit must end where a line's code (and comment) ends, and replace only
    whitespace and that line's comment, never code or a string."""

    def __init__(self, text: str) -> None:
        import io
        import tokenize

        self.line_ends: set[int] = set()
        self.comments: dict[int, int] = {}  # start -> end
        starts = _line_starts(text)
        uniform = text.replace("\r\n", "\n").replace("\r", "\n")
        try:
            tokens = list(tokenize.generate_tokens(io.StringIO(uniform).readline))
        except (tokenize.TokenError, SyntaxError):
            return  # no comment edit is placed: every one is refused
        for token in tokens:
            (row, column), (end_row, end_column) = token.start, token.end
            if token.type in (tokenize.NEWLINE, tokenize.NL):
                self.line_ends.add(starts[row - 1] + column)
            elif token.type == tokenize.COMMENT:
                self.comments[starts[row - 1] + column] = starts[end_row - 1] + end_column

    def holds(self, text: str, start: int, end: int, new: str) -> bool:
        """Whether replacing ``text[start:end]`` with ``new`` only edits a
        comment (or the space before it) at the end of a line."""
        if end not in self.line_ends or _LINE_BREAK.search(new):
            return False
        old = text[start:end]
        comment = start + len(old) - len(old.lstrip(" \t\f"))
        if comment < end and self.comments.get(comment) != end:
            return False
        kept = new.lstrip(" \t")
        return not kept or kept.startswith("#")


def _parse(text: str) -> cst.Module:
    # As the checker does: LibCST's native parser recurses on the C stack.
    from keraslint.checker import _on_a_large_stack

    return _on_a_large_stack(lambda: cst.parse_module(text))


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (which holds ``old``) with ``new``."""

    start: int
    end: int
    old: str
    new: str


def _splice(text: str, edits: list[Edit]) -> str:
    pieces, at = [], 0
    for edit in edits:
        pieces += [text[at : edit.start], edit.new]
        at = edit.end
    pieces.append(text[at:])
    return "".join(pieces)


def locate_fixes(text: str, fixes: list[Replacement]) -> list[Edit]:
    """The fixes as edits of ``text``, in order; raises ``NotFixed`` when a
    fix cannot be placed exactly on the string (or integer) literal it
    replaces."""
    # A fix of several edits (``Replacement.also``) is placed edit by edit.
    fixes = [edit for fix in fixes for edit in fix.edits]
    if not fixes:
        return []
    try:
        module = _parse(text)
    except (cst.ParserSyntaxError, RecursionError, MemoryError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise NotFixed(f"it does not parse: {reason}") from None
    # Fix spans are positions in ``text`` as written (keraslint maps the
    # positions of LibCST's generated code back onto the file, see
    # keraslint.model.positions); the generated code is lined up with it to
    # check the literal is the one LibCST saw there.
    generated = module.code
    starts = _line_starts(text)
    alignment = _Alignment(text, generated)
    located: dict[tuple[int, int], Edit] = {}  # by span in the generated code
    comments: _CommentPlaces | None = None
    for fix in fixes:
        start, end = _offset(starts, text, fix.span.start), _offset(starts, text, fix.span.end)
        if start is None or end is None or end < start:
            raise NotFixed("a fix is outside the code")
        old = text[start:end]
        literal = (_is_string_literal(old) and _is_string_literal(fix.text) and not _LINE_BREAK.search(fix.text)) or (
            _is_integer_literal(old) and _is_integer_literal(fix.text)
        )
        if fix.argument is not None:
            # One argument of a call removed or changed: checked by itself,
            # as Python reads the result (keraslint.argument_edits).
            if not holds(text, _splice(text, [Edit(start, end, old, fix.text)]), fix.argument):
                raise NotFixed("a fix does not remove or change only one argument of a call")
        elif fix.requires is not None:
            # A loss string become a loss object (keraslint.loss_object_fix).
            fixed_alone = _splice(text, [Edit(start, end, old, fix.text)])
            if not _is_string_literal(old) or not holds_expression(text, fixed_alone, old, fix.text):
                raise NotFixed("a fix does not replace one string literal with an expression")
        elif not literal:
            comments = comments or _CommentPlaces(text)
            if not comments.holds(text, start, end, fix.text):
                raise NotFixed("a fix does not replace a string literal with one, nor a comment with one")
        there = alignment.span(start, end)
        if there is None or generated[there[0] : there[1]] != old:
            raise NotFixed("a fix could not be placed in the file")
        edit = Edit(start, end, old, fix.text)
        if located.setdefault(there, edit) != edit:
            raise NotFixed("two fixes replace the same code differently")
    edits = sorted(located.values(), key=lambda e: e.start)
    for before, after in zip(edits, edits[1:]):
        if after.start < before.end:
            raise NotFixed("two fixes overlap")
    # LibCST must read the fixed text as the tree it generated, fixed: the
    # edits replaced the literals it saw, and nothing else.
    fixed = _splice(text, edits)
    expected = _splice(
        generated,
        [Edit(s, e, edit.old, edit.new) for (s, e), edit in sorted(located.items())],
    )
    try:
        again = _parse(fixed).code
    except (cst.ParserSyntaxError, RecursionError, MemoryError, ValueError):
        raise NotFixed("the fixed code would not parse") from None
    if again != expected:
        raise NotFixed("the fixed code would not read back as fixed")
    return edits


def apply_fixes(text: str, fixes: list[Replacement]) -> tuple[str, int]:
    """The fixed text and how many literals were replaced. Raises
    ``NotFixed`` when the fixes cannot be applied exactly."""
    edits = locate_fixes(text, fixes)
    return _splice(text, edits), len(edits)


# ---------------------------------------------------------------------------
# Python files: bytes in, bytes out
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PythonFix:
    data: bytes  # the whole file, fixed, in its own encoding
    applied: int
    before: str
    after: str


def source_encoding(data: bytes) -> str:
    """The encoding Python reads ``data`` in (BOM, coding cookie, UTF-8)."""
    try:
        return detect_encoding(data)
    except UnreadableSource as error:
        raise NotFixed(str(error)) from None


def unchanged_outside(before: bytes, after: bytes, spans: list[tuple[int, int, int, int]]) -> bool:
    """Whether ``after`` is ``before`` with only the given spans replaced:
    ``(start, end)`` in ``before`` and ``(start, end)`` in ``after`` each,
    in order."""
    at_before = at_after = 0
    for start, end, new_start, new_end in spans:
        if start < at_before or new_start < at_after or end < start or new_end < new_start:
            return False
        if before[at_before:start] != after[at_after:new_start]:
            return False
        at_before, at_after = end, new_end
    return before[at_before:] == after[at_after:]


def fix_python(data: bytes, text: str, fixes: list[Replacement]) -> PythonFix:
    """The file ``data`` (which decodes to ``text``) with the fixes applied:
    the original bytes, with the bytes of each fixed literal replaced by the
    new literal in the file's encoding. Raises ``NotFixed``."""
    from keraslint.sources.python import decode

    edits = locate_fixes(text, fixes)
    if not edits:
        return PythonFix(data, 0, text, text)
    encoding = source_encoding(data)
    # The BOM is written once, at the start, not before each piece.
    piece_encoding = "utf-8" if codecs.lookup(encoding).name == "utf-8-sig" else encoding
    encoder = codecs.getincrementalencoder(encoding)()
    pieces: list[bytes] = []
    spans: list[tuple[int, int, int, int]] = []
    at_text, at_data, at_new = 0, 0, 0
    try:
        for edit in edits:
            # The bytes of the text before the literal, then of the literal.
            start = at_data + len(encoder.encode(text[at_text : edit.start]))
            end = start + len(encoder.encode(edit.old))
            if data[start:end].decode(piece_encoding) != edit.old:
                raise NotFixed(f"a fix could not be placed in the {encoding} bytes")
            new = edit.new.encode(piece_encoding)
            pieces += [data[at_data:start], new]
            new_start = at_new + (start - at_data)
            spans.append((start, end, new_start, new_start + len(new)))
            at_text, at_data, at_new = edit.end, end, new_start + len(new)
        pieces.append(data[at_data:])
    except (UnicodeError, LookupError) as error:
        raise NotFixed(f"the fix cannot be written in the file's encoding ({encoding}): {error}") from None
    fixed = b"".join(pieces)
    after = _splice(text, edits)
    # Checked, not trusted: only the literals' bytes changed, and Python
    # reads the new bytes as the fixed text.
    try:
        readable = decode(fixed) == after
    except Exception:  # noqa: BLE001 - any failure to read back is a refusal
        readable = False
    if not readable or not unchanged_outside(data, fixed, spans):
        raise NotFixed(f"the fixed file would not read back as fixed in its encoding ({encoding})")
    return PythonFix(fixed, len(edits), text, after)


# ---------------------------------------------------------------------------
# Notebooks
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NotebookFix:
    data: bytes  # the whole notebook, rewritten
    applied: int
    # (cell number, its code before, after) for each changed cell
    cells: tuple[tuple[int, str, str], ...]


def _json_layout(text: str, document: object) -> dict[str, object]:
    """The ``json.dumps`` options that give back ``text`` exactly, as
    Jupyter (``indent=1, ensure_ascii=False``) and most tools write it."""
    for indent in (1, 2, 4, None):
        for ensure_ascii in (False, True):
            options: dict[str, object] = {"indent": indent, "ensure_ascii": ensure_ascii}
            if json.dumps(document, **options) == text.rstrip("\n"):  # type: ignore[arg-type]
                return options
    raise NotebookNotFixed("its JSON layout could not be kept")


def _split_keeping_newlines(text: str) -> list[str]:
    return re.findall(r"[^\n]*\n|[^\n]+", text)


def _hunks(text: str, edits: list[Edit]) -> list[tuple[int, int, list[str]]]:
    """The fixed lines, as (first, last) lines of ``text`` (1-based, by
    ``\\n``) and the lines that replace them: edits on the same lines go
    together."""
    hunks: list[tuple[int, int, list[Edit]]] = []
    for edit in edits:
        first, last = text.count("\n", 0, edit.start) + 1, text.count("\n", 0, edit.end) + 1
        if hunks and first <= hunks[-1][1]:
            hunks[-1] = (hunks[-1][0], max(last, hunks[-1][1]), [*hunks[-1][2], edit])
        else:
            hunks.append((first, last, [edit]))
    lines = text.split("\n")
    result = []
    for first, last, grouped in hunks:
        at = sum(len(line) + 1 for line in lines[: first - 1])
        old = "\n".join(lines[first - 1 : last])
        new = _splice(old, [Edit(e.start - at, e.end - at, e.old, e.new) for e in grouped])
        result.append((first, last, new.split("\n")))
    return result


def fix_notebook(data: bytes, source: NotebookSource, fixes: list[Replacement]) -> NotebookFix:
    """The notebook with the fixes applied to its cells, every other byte
    kept. Raises ``NotebookNotFixed`` when that cannot be promised."""
    edits = locate_fixes(source.text, fixes)
    applied = len(edits)
    before = source.text.split("\n")
    bom = data.startswith(codecs.BOM_UTF8)
    text = data.decode("utf-8-sig")
    document = json.loads(text)
    layout = _json_layout(text, document)
    changed: dict[int, list[str]] = {}  # cell number -> its lines
    originals: dict[int, str] = {}
    # Last first: a hunk that changes the number of lines leaves the lines
    # of the hunks before it where they were.
    for first, last, new_lines in reversed(_hunks(source.text, edits)):
        cell_number = source.cells[first]
        if any(source.cells[number] != cell_number for number in range(first, last + 1)):
            raise NotebookNotFixed("a fix spans two cells")
        cell = document["cells"][cell_number - 1]
        if cell_number not in changed:
            code = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            originals[cell_number] = code
            changed[cell_number] = code.split("\n")
        lines = changed[cell_number]
        # What keraslint read is the cell's line without the indentation
        # IPython removes from a whole cell, or (negative) with the spaces
        # that put a ``%%timeit`` body in a function.
        prefixes = set()
        for number in range(first, last + 1):
            indent, written, old = source.indents[number], lines[source.lines[number] - 1], before[number - 1]
            held = written[indent:] == old if indent >= 0 else " " * -indent + written == old
            if not held:
                raise NotebookNotFixed(f"cell {cell_number} does not hold the line to fix")
            prefixes.add((written[:indent], 0) if indent >= 0 else ("", -indent))
        if len(prefixes) != 1:
            raise NotebookNotFixed(f"the lines to fix in cell {cell_number} are indented differently")
        ((kept, cut),) = prefixes
        if any(not line.startswith(" " * cut) for line in new_lines):
            raise NotebookNotFixed(f"a fix would change the indentation IPython gives cell {cell_number}")
        replacement = [kept + line[cut:] for line in new_lines]
        lines[source.lines[first] - 1 : source.lines[last]] = replacement
    cells = []
    for cell_number, lines in sorted(changed.items()):
        cell = document["cells"][cell_number - 1]
        code = "\n".join(lines)
        if isinstance(cell["source"], list):
            if cell["source"] != _split_keeping_newlines(originals[cell_number]):
                raise NotebookNotFixed(f"the lines of cell {cell_number} are not stored one per item")
            cell["source"] = _split_keeping_newlines(code)
        else:
            cell["source"] = code
        cells.append((cell_number, originals[cell_number], code))
    output = json.dumps(document, **layout) + text[len(text.rstrip("\n")) :]  # type: ignore[arg-type]
    return NotebookFix((codecs.BOM_UTF8 if bom else b"") + output.encode("utf-8"), applied, tuple(cells))


# ---------------------------------------------------------------------------
# Writing a fixed file
# ---------------------------------------------------------------------------

TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".keraslint-", ".tmp"


def replace_contents(path: str, data: bytes, expected: bytes) -> None:
    """Make the file at ``path`` hold ``data``, if it still holds
    ``expected`` (what was checked and fixed); raises ``NotFixed`` (the file
    changed, the user may not write it) or ``OSError``.

    The file is written through its own path: a symlink is followed and the
    file it names is written. The file keeps its owner, group and mode. It
    is replaced atomically (a temporary file, synced, renamed over it) when
    that keeps all of these; a file with other hard links, one whose owner
    the running user cannot give to a new file, or one in a directory the
    user cannot write is rewritten in place instead, as ruff and black
    write every file (splitting the links or handing the file to another
    user would be worse than a non-atomic write).
    """
    real = os.path.realpath(path)
    info = os.stat(real)
    if not stat.S_ISREG(info.st_mode):
        raise NotFixed("not a regular file")
    if not _may_write(real):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
    if info.st_nlink > 1:
        _write_in_place(real, data, expected)
        return
    try:
        _write_by_rename(real, info, data, expected)
    except _KeepsNothing:
        _write_in_place(real, data, expected)


def _may_write(path: str) -> bool:
    """The file's own write permission for the running user: as ruff and
    black, a read-only file is not rewritten. Root may write any file (as
    with ruff), and its owner and mode are kept."""
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


class _KeepsNothing(Exception):
    """A new file cannot be made to look like the old one (owner, group)
    or cannot be created next to it."""


def _changed() -> NotFixed:
    return NotFixed("it changed while being checked")


def _holds(path: str, expected: bytes) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(expected) + 1) == expected


def _write_in_place(path: str, data: bytes, expected: bytes) -> None:
    """Rewrite the file through one descriptor: read it, compare, then write
    from the first byte that changes and cut what is left."""
    with open(path, "r+b") as handle:
        if handle.read(len(expected) + 1) != expected:
            raise _changed()
        first, common = 0, min(len(expected), len(data))
        while first < common and expected[first : first + 4096] == data[first : first + 4096]:
            first += 4096
        while first < common and expected[first] == data[first]:
            first += 1
        handle.seek(first)
        handle.write(data[first:])
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def _write_by_rename(path: str, info: os.stat_result, data: bytes, expected: bytes) -> None:
    """Write a temporary file beside ``path`` (same owner, group and mode),
    sync it, and rename it over ``path``; the temporary file is removed
    whatever happens before the rename (a kill -9 is the one exception no
    program can handle)."""
    directory = os.path.dirname(path)
    try:
        descriptor, name = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=directory)
    except PermissionError:
        raise _KeepsNothing from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            made = os.fstat(descriptor)
            if (info.st_uid, info.st_gid) != (made.st_uid, made.st_gid):
                try:
                    os.fchown(descriptor, info.st_uid, info.st_gid)
                except (OSError, AttributeError):  # not ours to give (or no owners here)
                    raise _KeepsNothing from None
            # After the chown, which clears the set-id bits.
            if hasattr(os, "fchmod"):
                os.fchmod(descriptor, stat.S_IMODE(info.st_mode))
            else:
                os.chmod(name, stat.S_IMODE(info.st_mode))
            os.fsync(descriptor)
        # The last moment before the rename: the file must still hold
        # what was fixed (an editor may have saved it meanwhile).
        if not _holds(path, expected):
            raise _changed()
        os.replace(name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    _sync_directory(directory)


def _sync_directory(directory: str) -> None:
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
