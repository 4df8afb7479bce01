"""Jupyter notebooks: the code cells, in order, read as one program.

IPython syntax that is not Python (``%magic``, ``!shell``, ``x = !cmd``,
``obj?``, a cell under ``%%bash``...) is blanked out line by line, so that
line numbers keep matching the cells; the body of a cell magic that runs
Python (``%%time``, ``%%capture``...) is checked. What is blanked follows
IPython's own ``TransformerManager`` (tests/test_notebook_ipython.py
compares the two). Positions are shown as ruff shows them:
``cell N:line:col``, N counting every cell of the notebook from 1.
"""

from __future__ import annotations

import io
import json
import re
import tokenize
from dataclasses import dataclass, replace

from keraslint.alignment import LINE_BREAK
from keraslint.diagnostics import Position
from keraslint.sources import UnreadableSource

# Lines IPython rewrites before Python sees them, when they start a logical
# line (IPython/core/inputtransformer2.py): ``EscapedCommand`` (a first token
# in ESCAPE_SINGLES: ``%magic``, ``% magic``, ``!cmd``, ``?obj``, and the
# autocall escapes ``/f x``, ``,f x``, ``;f x``; not ``%=``, ``!=``, ``/=``,
# ``//``), ``SystemAssign`` / ``MagicAssign`` (``x = !ls``, ``a, b = %time
# f()``: ``!`` or ``%`` and a name right after the first ``=``), ``HelpEnd``
# (a line ending in ``?`` or ``??``: ``obj?``, ``model.fit??``).
_ESCAPED = re.compile(r"^\s*(?:%(?!=)|!(?!=)|/(?![/=])|[?,;])")
_ASSIGNED = re.compile(r"^\s*[^=#]*?[^=!<>+\-*/%&|^@:\s]\s*=\s*(?:!|%\s*[A-Za-z_])")
_HELP_NAME = re.compile(r"%{0,2}(?!\d)[\w*]+(?:\.(?!\d)[\w*]+)*")
_QUOTES_OR_COMMENT = frozenset("#'\"")
# IPython's automagic: ``ls ./data``, ``cd ..``, ``pip install x`` run as
# ``%ls``... (IPython/core/prefilter.py, for a cell of one line; in a longer
# cell they are syntax errors). A known magic name followed by arguments,
# on a line that is not Python by itself: ``env`` alone (a gym environment
# shown at the end of a cell) or ``rm -= 1`` is Python, and kept.
_AUTOMAGIC = re.compile(
    r"^\s*(ls|cd|pwd|pip|conda|cat|mkdir|rmdir|rm|cp|mv|clear|env|who|whos|load_ext|matplotlib|pylab)"
    r"\s+[^\s=(\[,:+*/%<>!&|^]"
)
# Cell magics that run their body as Python, in the notebook's namespace
# (IPython/core/magics/execution.py: ``time``, ``prun`` and ``debug`` run
# the transformed body in ``user_ns``, ``capture`` calls ``run_cell``) or,
# for ``timeit``, inside a function of its own (the ``def inner`` template
# there): its names do not outlive the cell. Every other cell magic
# (``%%bash``, ``%%writefile``, ``%%html``, ``%%script``, ``%%python``, run
# in another process...) makes the cell something else, and it is skipped.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})
_OWN_SCOPE_CELL_MAGICS = frozenset({"timeit"})
# What a ``%%timeit`` line becomes: its body is that function's.
TIMEIT_FUNCTION = "def _keraslint_timeit():"


@dataclass(frozen=True)
class NotebookSource:
    path: str
    text: str
    # For each line of ``text`` (index 0 unused): its cell, its line there,
    # and how many characters of indentation IPython removed from it.
    cells: tuple[int, ...]
    lines: tuple[int, ...]
    indents: tuple[int, ...]

    def display(self, position: Position) -> str:
        cell, line, column = self.locate(position)
        return f"cell {cell}:{line}:{column}"

    def locate(self, position: Position) -> tuple[int | None, int, int]:
        """(cell, line in the cell, 1-based column in the cell as written)."""
        cell, line = self._locate(position.line)
        indent = self.indents[position.line] if 0 < position.line < len(self.indents) else 0
        return cell, line, position.column + indent + 1

    def describe_line(self, line: int) -> str:
        cell, in_cell = self._locate(line)
        return f"cell {cell}, line {in_cell}"

    def cell_texts(self) -> list[tuple[int, str]]:
        """Each code cell's Python on its own, with the line of ``text``
        where it starts: IPython compiles every cell by itself."""
        found: list[tuple[int, list[str]]] = []
        for number, line in enumerate(self.text.split("\n")[: len(self.cells) - 1], start=1):
            if found and self.cells[number] == self.cells[found[-1][0]]:
                found[-1][1].append(line)
            else:
                found.append((number, [line]))
        return [(first, "\n".join(lines) + "\n") for first, lines in found]

    def without_cell_at(self, line: int) -> NotebookSource:
        """The same notebook with the cell holding ``line`` blanked out, so
        that one cell that does not parse does not hide the others."""
        cell, _ = self._locate(line)
        lines = self.text.split("\n")
        for number, owner in enumerate(self.cells[1:], start=0):
            if owner == cell and number < len(lines):
                lines[number] = ""
        return replace(self, text="\n".join(lines))

    def _locate(self, line: int) -> tuple[int, int]:
        # LibCST may place an end-of-file error one line past the last one.
        line = min(max(line, 1), len(self.cells) - 1)
        return self.cells[line], self.lines[line]


def _dedent(lines: list[str]) -> tuple[list[str], list[int]]:
    """IPython's ``leading_indent`` transform: the indentation of a cell's
    first line is removed from every line that starts with it. With the
    number of characters removed from each line."""
    first = lines[0] if lines else ""
    indent = first[: len(first) - len(first.lstrip(" \t"))]
    if not indent or not first.strip():
        return lines, [0] * len(lines)
    removed = [len(indent) if line.startswith(indent) else 0 for line in lines]
    return [line[cut:] for line, cut in zip(lines, removed)], removed


def _python_lines(source: str) -> tuple[list[str], list[int]]:
    """The cell's lines as Python reads them, and the indentation removed
    from each (negative where keraslint adds some)."""
    # Lines end at \r\n, \r or \n, as Python (and LibCST) count them.
    return _cell_lines(LINE_BREAK.split(source))


# Cell magics nested deeper than this (``%%capture`` over ``%%time`` over
# ...) are read as bodies that are not Python: no real cell comes near.
_MAX_NESTED_CELL_MAGICS = 8


def _cell_lines(lines: list[str], depth: int = 0) -> tuple[list[str], list[int]]:
    """IPython's cleanup (leading empty lines dropped, then the first
    line's indentation), then a cell magic or the line magics."""
    empty = 0
    while empty < len(lines) and not lines[empty].strip():
        empty += 1
    code, removed = _dedent(lines[empty:])
    if code and code[0].startswith("%%") and not _is_help(code[0]):
        code, removed = _cell_magic(code, removed, depth)
    else:
        code = _blank_magics(code)
    return lines[:empty] + code, [0] * empty + removed


def _cell_magic(lines: list[str], removed: list[int], depth: int) -> tuple[list[str], list[int]]:
    """A cell under ``%%name``: its body as IPython runs it (transformed
    again, as the magic does), or nothing for a body that is not Python."""
    name = lines[0][2:].rstrip().partition(" ")[0]
    if name not in PYTHON_CELL_MAGICS or depth >= _MAX_NESTED_CELL_MAGICS:
        return ["" for _ in lines], removed
    body, inner = _cell_lines(lines[1:], depth + 1)
    cut = [outer + more for outer, more in zip(removed[1:], inner)]
    head = ""
    if name in _OWN_SCOPE_CELL_MAGICS and any(line.strip() and not line.lstrip().startswith("#") for line in body):
        # One more space of indentation puts the body in the function.
        head = TIMEIT_FUNCTION
        cut = [c - 1 if line else c for c, line in zip(cut, body)]
        body = [" " + line if line else line for line in body]
    return [head, *body], [removed[0], *cut]


# Lines that only looked like magics are found a tokenizer pass each (fewer:
# see _inside); past this many passes, the rest are left as written.
_MAX_PASSES = 16
# A line without these cannot open or close a bracket, a string or a
# statement: keeping it as written leaves the structure of the cell as is.
_STRUCTURAL = frozenset("'\"()[]{}\\#")


def _blank_magics(lines: list[str]) -> list[str]:
    """The lines with each IPython line magic blanked (``pass`` keeps an
    indented block that held only magics valid). A line that only looks
    like one inside a statement (``% name)`` continuing an expression, a
    line of a string) is not one, as IPython finds with the tokenizer."""
    vetoed: set[int] = set()
    for _ in range(_MAX_PASSES):
        heads, blanked = _magic_lines(lines, vetoed)
        if not heads:
            return lines
        probe = ["" if number in blanked else line for number, line in enumerate(lines)]
        inside = _inside(probe, heads, lines)
        if not inside:
            return [blanked.get(number, line) for number, line in enumerate(lines)]
        vetoed.update(inside)
    return lines


def _is_help(line: str) -> bool:
    """IPython's ``HelpEnd``: a line that ends in a dotted name (``%`` and
    ``*`` allowed) and ``?`` or ``??``, outside any comment or string."""
    stripped = line.rstrip()
    if not stripped.endswith("?") or not _QUOTES_OR_COMMENT.isdisjoint(stripped):
        return False
    stem = stripped[:-2] if stripped.endswith("??") else stripped[:-1]
    start = len(stem)
    while start and (stem[start - 1].isalnum() or stem[start - 1] in "_.*%"):
        start -= 1
    return bool(_HELP_NAME.fullmatch(stem[start:]))


def _is_automagic(line: str) -> bool:
    if not _AUTOMAGIC.match(line):
        return False
    try:
        compile(line.strip(), "<cell>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return True
    return False


def _magic_lines(lines: list[str], vetoed: set[int]) -> tuple[list[int], dict[int, str]]:
    """The lines that look like magics (but the vetoed ones) and what each
    line they take becomes; an escaped command continued with a backslash
    takes the lines after it too."""
    heads: list[int] = []
    blanked: dict[int, str] = {}
    continued = False
    for number, line in enumerate(lines):
        if continued:
            blanked[number] = ""
        elif number not in vetoed and (
            _ESCAPED.match(line) or _ASSIGNED.match(line) or _is_help(line) or _is_automagic(line)
        ):
            heads.append(number)
            blanked[number] = line[: len(line) - len(line.lstrip())] + "pass"
        else:
            continue
        continued = line.rstrip().endswith("\\")
    return heads, blanked


def _inside(probe: list[str], heads: list[int], lines: list[str]) -> list[int]:
    """The ``heads`` (line indexes) that do not start a logical line of
    ``probe`` (inside brackets, a string, or after a backslash), up to the
    first whose own text could change the structure when kept: past it the
    tokens would differ. Lines past a point the tokenizer cannot read are
    taken as starts."""
    found: list[int] = []
    pending = iter(heads)
    head = next(pending, None)
    depth = 0
    open_statement = False
    reached = -1  # the last line a token that spans lines ended on
    # Without indentation: only brackets, strings and line ends matter here,
    # and an indentation the tokenizer rejects would end the scan.
    text = "\n".join(line.lstrip() for line in probe) + "\n"
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            row = token.start[0] - 1
            while head is not None and (row >= head or reached >= head):
                if open_statement or reached >= head:
                    found.append(head)
                    if not _STRUCTURAL.isdisjoint(lines[head]):
                        return found
                head = next(pending, None)
            if head is None:
                break
            if token.type in (tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER, tokenize.COMMENT):
                continue
            if token.start[0] != token.end[0]:
                reached = max(reached, token.end[0] - 1)
            if token.type == tokenize.NEWLINE or (token.type == tokenize.NL and depth == 0):
                open_statement = False
            elif token.type != tokenize.NL:
                open_statement = True
                if token.type == tokenize.OP and token.string in ("(", "[", "{"):
                    depth += 1
                elif token.type == tokenize.OP and token.string in (")", "]", "}"):
                    depth = max(0, depth - 1)
    except (tokenize.TokenError, SyntaxError):
        pass
    return found


def _cell_source(cell: object, number: int) -> str | None:
    """The code of a cell, None for a non-code cell; raise on a bad cell."""
    if not isinstance(cell, dict):
        raise UnreadableSource(f"invalid notebook: cell {number} is not an object")
    if cell.get("cell_type") != "code":
        return None
    if "source" not in cell:
        raise UnreadableSource(f"invalid notebook: cell {number} has no `source`")
    source = cell["source"]
    if isinstance(source, list) and all(isinstance(part, str) for part in source):
        return "".join(source)
    if isinstance(source, str):
        return source
    raise UnreadableSource(f"invalid notebook: the `source` of cell {number} is not text")


def _is_python(metadata: object) -> bool:
    """False only when the metadata names another language (R, Julia...)."""
    if not isinstance(metadata, dict):
        return True
    for key, field in (("language_info", "name"), ("kernelspec", "language")):
        info = metadata.get(key)
        if isinstance(info, dict) and isinstance(info.get(field), str):
            return info[field].lower().startswith("python")
    return True


def parse_notebook(path: str, data: bytes) -> NotebookSource | None:
    """The notebook's Python program; None for a notebook in another language."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise UnreadableSource(f"invalid notebook: not UTF-8 ({error.reason})") from None
    except json.JSONDecodeError as error:
        raise UnreadableSource(f"invalid notebook: not JSON ({error.msg} at line {error.lineno})") from None
    except RecursionError:
        raise UnreadableSource("invalid notebook: JSON nested too deeply to read") from None
    except ValueError as error:  # an integer over Python's 4,300-digit limit
        raise UnreadableSource(f"invalid notebook: {str(error).split(';')[0]}") from None
    if isinstance(document, dict) and "worksheets" in document and "cells" not in document:
        version = document.get("nbformat")
        shown = f" {version}" if isinstance(version, int) and not isinstance(version, bool) else ""
        raise UnreadableSource(
            f"notebook format{shown} is not supported (nbformat 4 and later are); "
            "convert it with `jupyter nbconvert --to notebook --inplace`"
        )
    if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
        raise UnreadableSource("invalid notebook: no `cells` list")
    if not _is_python(document.get("metadata")):
        return None

    text_lines: list[str] = []
    cells, lines, indents = [0], [0], [0]
    for number, cell in enumerate(document["cells"], start=1):
        source = _cell_source(cell, number)
        if source is None:
            continue
        python, removed = _python_lines(source.rstrip("\r\n"))
        text_lines.extend(python)
        cells.extend([number] * len(python))
        lines.extend(range(1, len(python) + 1))
        indents.extend(removed)
    text = "\n".join(text_lines) + "\n" if text_lines else ""
    return NotebookSource(path, text, tuple(cells), tuple(lines), tuple(indents))
