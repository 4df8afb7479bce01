"""Lint one source: parse once, extract the model, run every rule."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace

from keraslint.diagnostics import Diagnostic, Position, Span
from keraslint.rules import ALL_RULES, Rule
from keraslint.sources import Source, UnreadableSource, read_source
from keraslint.sources.notebook import NotebookSource
from keraslint.sources.python import PythonSource

SYNTAX_ERROR = "KL001"
UNREADABLE = "KL002"
# Codes that are not rules over the model but still reach the user.
BUILTIN_CODES = {
    SYNTAX_ERROR: "file cannot be parsed as Python",
    UNREADABLE: "file cannot be read or decoded",
}


@dataclass
class FileResult:
    path: str
    source: Source | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)


def whole_file() -> Span:
    return Span(Position(1, 0), Position(1, 0))


def _syntax_error(text: str, error: Exception) -> Diagnostic:
    """Python's own wording and position, which users know; LibCST's when
    Python accepts what LibCST does not (newer syntax)."""
    import libcst as cst

    try:
        ast.parse(text)
    except SyntaxError as python_error:
        line = python_error.lineno or 1
        column = max((python_error.offset or 1) - 1, 0)
        message = python_error.msg
    else:
        assert isinstance(error, cst.ParserSyntaxError)
        line, column = error.editor_line, error.raw_column
        message = error.message.splitlines()[0]
    position = Position(line, column)
    return Diagnostic(SYNTAX_ERROR, Span(position, position), f"syntax error: {message}")


def lint_text(path: str, text: str, rules: tuple[Rule, ...] = ALL_RULES) -> FileResult:
    """Lint Python code held in memory."""
    return lint_source(PythonSource(path, text), rules)


def lint_source(source: Source, rules: tuple[Rule, ...] = ALL_RULES) -> FileResult:
    text = source.text
    result = FileResult(source.path, source)
    # A file that never mentions keras cannot define a Keras model: skip the
    # parse altogether.
    if "keras" not in text:
        return result
    # Imported here so that files without Keras never pay for LibCST.
    import libcst as cst

    from keraslint.model.extract import extract

    while True:
        try:
            module = cst.parse_module(text)
            break
        except cst.ParserSyntaxError as error:
            diagnostic = _syntax_error(text, error)
            result.diagnostics.append(diagnostic)
            # In a notebook, the other cells are still checked without the
            # cell that does not parse.
            if not isinstance(source, NotebookSource):
                return result
            source = source.without_cell_at(diagnostic.span.start.line)
            if source.text == text:
                return result
            text = source.text
        except (RecursionError, MemoryError, ValueError) as error:
            result.diagnostics.append(Diagnostic(SYNTAX_ERROR, whole_file(), f"cannot parse: {type(error).__name__}"))
            return result
    file_model = replace(extract(module, text), describe_line=source.describe_line)
    for rule in rules:
        try:
            result.diagnostics.extend(rule.check(file_model))
        except Exception as error:  # one rule's bug must not stop the others
            result.internal_errors.append(f"{rule.CODE}: {type(error).__name__}: {error}")
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def lint_path(path: str, rules: tuple[Rule, ...] = ALL_RULES) -> FileResult:
    try:
        source = read_source(path)
    except UnreadableSource as error:
        return FileResult(path, None, [Diagnostic(UNREADABLE, whole_file(), f"cannot read file: {error}")])
    if source is None:  # a notebook in another language
        return FileResult(path, None)
    return lint_source(source, rules)
