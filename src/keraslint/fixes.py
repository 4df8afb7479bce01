"""Applying fixes: LibCST rewrites the string literals the fixes name, so
comments and formatting around them survive untouched."""

from __future__ import annotations

import io
import os
import tempfile
import tokenize
from typing import Iterable

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from keraslint.diagnostics import Diagnostic, Replacement


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
    mode = os.stat(path).st_mode
    directory = os.path.dirname(os.path.abspath(path))
    descriptor, temporary = tempfile.mkstemp(prefix=".keraslint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode(encoding))
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
