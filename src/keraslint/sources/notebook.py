"""Jupyter notebooks: the code cells, in order, read as one program.

IPython syntax that is not Python (``%magic``, ``%%cell_magic``, ``!shell``,
``x = !cmd``, ``obj?``) is blanked out line by line, so that line numbers
keep matching the cells. Positions are shown as ruff shows them:
``cell N:line:col``, N counting every cell of the notebook from 1.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from keraslint.alignment import LINE_BREAK
from keraslint.diagnostics import Position
from keraslint.sources import UnreadableSource

# ``%time x = f()``, ``!pip install``, ``files = !ls``, ``%%capture``,
# ``model.fit?``: lines IPython rewrites before Python sees them. A ``%``
# must be followed by a name: ``%(name)s`` continues a format string.
_MAGIC = re.compile(r"^\s*(%%?[A-Za-z]|!|[\w.\[\]'\"]+\s*=\s*(!|%[A-Za-z]))")
_HELP = re.compile(r"^\s*(\?\??[\w.]+|[\w.]+\?\??)\s*$")
# IPython's automagic: ``ls ./data``, ``cd ..``, ``pip install x`` run as
# ``%ls``... A known magic name followed by something that is not Python
# (not ``=``, ``(``, ``[``, ``,``, ``:`` or an operator).
_AUTOMAGIC = re.compile(
    r"^\s*(ls|cd|pwd|pip|conda|cat|mkdir|rmdir|rm|cp|mv|clear|env|who|whos|load_ext|matplotlib|pylab)"
    r"(\s*$|\s+[^\s=(\[,:+*/%<>!&|^])"
)


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
    from each."""
    # Lines end at \r\n, \r or \n, as Python (and LibCST) count them.
    lines, removed = _dedent(LINE_BREAK.split(source))
    if lines and lines[0].lstrip().startswith("%%"):
        # A cell magic makes the whole cell something else (bash, HTML...).
        return ["" for _ in lines], removed
    result: list[str] = []
    continued = False
    for line in lines:
        if continued or _MAGIC.match(line) or _HELP.match(line) or _AUTOMAGIC.match(line):
            indent = line[: len(line) - len(line.lstrip())]
            # ``pass`` keeps an indented block that held only magics valid.
            result.append(f"{indent}pass" if not continued else "")
            continued = line.rstrip().endswith("\\")
        else:
            result.append(line)
    return result, removed


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
