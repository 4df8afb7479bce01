"""Applying fixes: LibCST rewrites the string literals the fixes name, so
comments and formatting around them survive untouched."""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import tempfile
import tokenize
from dataclasses import dataclass
from typing import Iterable

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from keraslint.diagnostics import Diagnostic, Replacement
from keraslint.sources.notebook import NotebookSource


def wanted_fixes(diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[Replacement]:
    return [d.fix for d in diagnostics if d.fix is not None and (d.fix.safe or unsafe)]


class _Rewrite(cst.CSTTransformer):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, fixes: list[Replacement]) -> None:
        super().__init__()
        self.fixes = {(f.span.start.line, f.span.start.column, f.span.end.line, f.span.end.column): f for f in fixes}
        self.applied = 0

    def leave_SimpleString(self, original_node: cst.SimpleString, updated_node: cst.SimpleString) -> cst.SimpleString:
        where = self.get_metadata(PositionProvider, original_node)
        fix = self.fixes.get((where.start.line, where.start.column, where.end.line, where.end.column))
        if fix is None:
            return updated_node
        self.applied += 1
        return updated_node.with_changes(value=fix.text)


def apply_fixes(text: str, fixes: list[Replacement]) -> tuple[str, int]:
    """The fixed text and how many fixes were applied. Raises
    ``libcst.ParserSyntaxError`` for code that does not parse."""
    if not fixes:
        return text, 0
    rewrite = _Rewrite(fixes)
    fixed = MetadataWrapper(cst.parse_module(text)).visit(rewrite).code
    cst.parse_module(fixed)  # the result must still be Python
    return fixed, rewrite.applied


def write_atomically(path: str, text: str) -> None:
    """Write ``text`` in the file's own encoding (its BOM or coding cookie
    kept) through a temporary file renamed over it, keeping its mode."""
    with open(path, "rb") as handle:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(handle.read()).readline)
    write_bytes_atomically(path, text.encode(encoding))


# ---------------------------------------------------------------------------
# Notebooks
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NotebookFix:
    data: bytes  # the whole notebook, rewritten
    applied: int
    # (cell number, its code before, after) for each changed cell
    cells: tuple[tuple[int, str, str], ...]


class NotebookNotFixed(Exception):
    """The fixes cannot be written back without changing more than they
    change (the notebook's JSON layout, a cell whose lines IPython rewrote)."""


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


def fix_notebook(data: bytes, source: NotebookSource, fixes: list[Replacement]) -> NotebookFix:
    """The notebook with the fixes applied to its cells, every other byte
    kept. Raises ``NotebookNotFixed`` when that cannot be promised."""
    fixed, applied = apply_fixes(source.text, fixes)
    before, after = source.text.split("\n"), fixed.split("\n")
    if len(before) != len(after):
        raise NotebookNotFixed("a fix would change the number of lines")
    bom = data.startswith(codecs.BOM_UTF8)
    text = data.decode("utf-8-sig")
    document = json.loads(text)
    layout = _json_layout(text, document)
    changed: dict[int, list[str]] = {}  # cell number -> its lines
    originals: dict[int, str] = {}
    for number, (old, new) in enumerate(zip(before, after), start=1):
        if old == new:
            continue
        cell_number, line = source.cells[number], source.lines[number]
        cell = document["cells"][cell_number - 1]
        if cell_number not in changed:
            code = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            originals[cell_number] = code
            changed[cell_number] = code.split("\n")
        lines = changed[cell_number]
        # What keraslint read is the cell's line without the indentation
        # IPython removes from a whole cell.
        indent = source.indents[number]
        if lines[line - 1][indent:] != old:
            raise NotebookNotFixed(f"cell {cell_number} does not hold the line to fix")
        lines[line - 1] = lines[line - 1][:indent] + new
    cells = []
    for cell_number, lines in changed.items():
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


def write_bytes_atomically(path: str, data: bytes) -> None:
    """Write ``data`` through a temporary file renamed over ``path``,
    keeping its mode."""
    mode = os.stat(path).st_mode
    directory = os.path.dirname(os.path.abspath(path))
    descriptor, temporary = tempfile.mkstemp(prefix=".keraslint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
