"""``keraslint server``: the Language Server Protocol over stdio.

Every Python document (and every Jupyter notebook synced cell by cell) the
editor opens, changes or saves is linted with
:func:`keraslint.checker.lint_text`, in memory, and the findings are
published as LSP diagnostics; closing the document clears them. The findings
are those the command line would report for the file: the nearest
``pyproject.toml`` with ``[tool.keraslint]`` (select, ignore,
per-file-ignores, force-exclude) and the file's ``# noqa`` comments apply. A
finding whose rule knows the correction (``Diagnostic.fix``) is offered as a
quick fix (``textDocument/codeAction``).

Positions: keraslint counts 1-based lines and 0-based columns in code
points; LSP counts 0-based lines and columns in the position encoding agreed
at ``initialize`` (UTF-16 unless the client offers UTF-8 or UTF-32, which
pygls then picks). A line is ended by ``\\n``, ``\\r\\n`` or ``\\r``, as in
both Python and LSP (not by the other characters ``str.splitlines`` breaks
on, such as form feed).

Requires pygls 2 (``pip install 'keraslint[server]'``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import traceback
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence
from urllib.parse import unquote, urlparse

from keraslint import __version__, checker, runner
from keraslint.checker import SYNTAX_ERROR, UNREADABLE
from keraslint.config import ConfigError, Settings, find_config, load_config
from keraslint.diagnostics import Diagnostic, Position, Span
from keraslint.discovery import is_excluded
from keraslint.rules import RULES_BY_CODE
from keraslint.sources.notebook import NotebookSource

try:
    from lsprotocol import types as lsp
    from pygls.lsp.server import LanguageServer

    _PYGLS_ERROR: Exception | None = None
except ImportError as error:  # keraslint itself does not need pygls
    _PYGLS_ERROR = error

if TYPE_CHECKING:
    from pygls.workspace import TextDocument

SOURCE = "keraslint"
RULE_DOCS = "https://github.com/keraslint/keraslint/blob/main/docs/rules/{code}.md"
ERROR_CODES = {SYNTAX_ERROR, UNREADABLE}
PYTHON_SUFFIXES = (".py", ".pyi", ".pyw")
QUICK_FIX_KINDS = ("quickfix", "")
# VS Code's `"editor.codeActionsOnSave": {"source.fixAll": "explicit"}` asks for it.
FIX_ALL = "source.fixAll.keraslint"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their line ends, as Python and LSP count them."""
    return _LINE_BREAK.split(text)


def uri_to_path(uri: str) -> str:
    """The file system path of a ``file:`` URI; any other URI as it is."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return uri
    path = unquote(parsed.path)
    if re.match(r"^/[A-Za-z]:", path):  # file:///C:/x.py
        path = path[1:]
    return path


def is_linted(uri: str, language_id: str | None) -> bool:
    """Python documents, but not notebooks: a notebook opened as text is JSON,
    and a notebook cell alone lacks the cells before it (and has magics)."""
    parsed = urlparse(uri)
    path = unquote(parsed.path).lower()
    if path.endswith(".ipynb") or "notebook" in parsed.scheme:
        return False
    return language_id == "python" or path.endswith(PYTHON_SUFFIXES)


class PositionConverter:
    """keraslint positions (1-based line, code-point column) to LSP positions
    (0-based line, column in the negotiated encoding's code units)."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.lines = split_lines(text)
        self.encoding = str(getattr(encoding, "value", encoding)).lower()

    def units(self, text: str) -> int:
        if self.encoding == "utf-32":
            return len(text)
        if self.encoding == "utf-8":
            return len(text.encode("utf-8", "surrogatepass"))
        return len(text.encode("utf-16-le", "surrogatepass")) // 2

    def position(self, position: Position) -> lsp.Position:
        line = position.line - 1
        if line < 0:
            return lsp.Position(line=0, character=0)
        if line >= len(self.lines):  # past the end: the end of the document
            last = len(self.lines) - 1
            return lsp.Position(line=last, character=self.units(self.lines[last]))
        text = self.lines[line]
        column = min(max(position.column, 0), len(text))
        return lsp.Position(line=line, character=self.units(text[:column]))

    def range(self, span: Span) -> lsp.Range:
        return lsp.Range(start=self.position(span.start), end=self.position(span.end))


def message_of(diagnostic: Diagnostic) -> str:
    return f"{diagnostic.message}; {diagnostic.hint}" if diagnostic.hint else diagnostic.message


def to_lsp(diagnostic: Diagnostic, positions: PositionConverter) -> lsp.Diagnostic:
    severity = lsp.DiagnosticSeverity.Error if diagnostic.code in ERROR_CODES else lsp.DiagnosticSeverity.Warning
    description = None
    if diagnostic.code in RULES_BY_CODE:
        description = lsp.CodeDescription(href=RULE_DOCS.format(code=diagnostic.code))
    return lsp.Diagnostic(
        range=positions.range(diagnostic.span),
        severity=severity,
        code=diagnostic.code,
        code_description=description,
        source=SOURCE,
        message=message_of(diagnostic),
    )


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    """Whether two ranges share a position, ends included: a cursor touching
    a diagnostic's end still gets its fix."""

    def key(position: lsp.Position) -> tuple[int, int]:
        return (position.line, position.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def settings_for(path: str) -> Settings:
    """The settings the command line would use for ``path``: its nearest
    ``[tool.keraslint]``, or the defaults. ``ConfigError`` when invalid."""
    if not Path(path).is_absolute():  # an unsaved buffer: no project
        return Settings()
    config = find_config(Path(path))
    return load_config(config, runner.KNOWN_CODES) if config else Settings(root=Path(path).parent)


class _Linted:
    """The last lint of one document: what it read and what it found."""

    def __init__(self, text: str, settings: Settings, diagnostics: list[Diagnostic]) -> None:
        self.text = text
        self.settings = settings
        self.diagnostics = diagnostics


def create_server() -> LanguageServer:
    if _PYGLS_ERROR is not None:
        raise _PYGLS_ERROR
    server = LanguageServer(
        SOURCE,
        __version__,
        text_document_sync_kind=lsp.TextDocumentSyncKind.Full,
        # Jupyter notebooks, synced cell by cell (VS Code's notebook editor).
        notebook_document_sync=lsp.NotebookDocumentSyncOptions(
            notebook_selector=[
                lsp.NotebookDocumentFilterWithCells(
                    notebook="jupyter-notebook", cells=[lsp.NotebookCellLanguage(language="python")]
                )
            ],
            save=True,
        ),
    )
    linted: dict[str, _Linted] = {}
    # A notebook's URI -> the cells diagnostics were last published for.
    notebook_cells: dict[str, set[str]] = {}

    def log(message: str, kind: lsp.MessageType) -> None:
        server.window_log_message(lsp.LogMessageParams(type=kind, message=message))

    def converter(text: str) -> PositionConverter:
        return PositionConverter(text, server.workspace.position_encoding or "utf-16")

    config_errors: set[str] = set()  # each logged once, not at every keystroke

    def settings(path: str) -> Settings:
        try:
            return settings_for(path)
        except ConfigError as error:
            if str(error) not in config_errors:
                config_errors.add(str(error))
                log(f"keraslint: {error} (linting with the default settings)", lsp.MessageType.Error)
            return Settings()

    def lint(document: TextDocument) -> _Linted | None:
        """Lint the document; None (and a log message) if keraslint fails."""
        text = document.source
        path = uri_to_path(document.uri)
        try:
            wanted = settings(path)
            previous = linted.get(document.uri)
            if previous is not None and previous.text == text and previous.settings == wanted:
                return previous
            if wanted.force_exclude and is_excluded(path, wanted):
                found: list[Diagnostic] = []
            else:
                # checker.lint_text is looked up at each call (tests wrap it).
                result = checker.lint_text(path, text, runner.enabled_rules(wanted))
                for error in result.internal_errors:
                    log(f"keraslint: internal error in {document.uri}: {error}", lsp.MessageType.Warning)
                found = list(runner.finish(result, wanted).diagnostics)
        except Exception:
            linted.pop(document.uri, None)
            log(
                f"keraslint: internal error while linting {document.uri}:\n{traceback.format_exc()}",
                lsp.MessageType.Error,
            )
            return None
        linted[document.uri] = _Linted(text, wanted, found)
        return linted[document.uri]

    def publish(uri: str) -> None:
        document = server.workspace.get_text_document(uri)
        diagnostics: list[lsp.Diagnostic] = []
        if is_linted(uri, document.language_id):
            found = lint(document)
            if found is not None:
                positions = converter(found.text)
                diagnostics = [to_lsp(diagnostic, positions) for diagnostic in found.diagnostics]
        server.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=document.version)
        )

    def lint_notebook(uri: str) -> dict[str, tuple[str, list[Diagnostic]]]:
        """Each code cell's text and findings, positions (fixes included) in
        the cell: the cells in order are one program, as on the command line."""
        notebook = server.workspace.get_notebook_document(notebook_uri=uri)
        if notebook is None:
            return {}
        texts: list[str] = []
        cells = []
        for cell in notebook.cells:
            code = cell.kind == lsp.NotebookCellKind.Code
            text = server.workspace.get_text_document(cell.document).source if code else ""
            texts.append(text)
            cells.append({"cell_type": "code" if code else "markdown", "metadata": {}, "source": text})
        found: dict[str, tuple[str, list[Diagnostic]]] = {
            cell.document: (text, [])
            for cell, text in zip(notebook.cells, texts)
            if cell.kind == lsp.NotebookCellKind.Code
        }
        path = uri_to_path(uri)
        data = json.dumps({"cells": cells, "metadata": notebook.metadata or {}}).encode("utf-8")
        try:
            wanted = settings(path)
            if wanted.force_exclude and is_excluded(path, wanted):
                return found
            named = path if path.endswith(".ipynb") else path + ".ipynb"
            result = checker.lint_data(named, data, runner.enabled_rules(wanted))
            for error in result.internal_errors:
                log(f"keraslint: internal error in {uri}: {error}", lsp.MessageType.Warning)
            result = runner.finish(result, wanted)
            source = result.source
            if not isinstance(source, NotebookSource):
                return found

            def in_cell(span: Span) -> tuple[int, Span] | None:
                # Positions in the cell as written (its indentation included).
                number, line, column = source.locate(span.start)
                end_number, end_line, end_column = source.locate(span.end)
                if number is None or not 1 <= number <= len(notebook.cells):
                    return None
                if end_number != number:
                    end_line, end_column = line, column
                return number, Span(Position(line, column - 1), Position(end_line, end_column - 1))

            for diagnostic in result.diagnostics:
                placed = in_cell(diagnostic.span)
                if placed is None or notebook.cells[placed[0] - 1].document not in found:
                    continue
                number, span = placed
                fix = diagnostic.fix
                if fix is not None:
                    fix_placed = in_cell(fix.span)
                    same_cell = fix_placed is not None and fix_placed[0] == number
                    fix = replace(fix, span=fix_placed[1]) if same_cell else None  # type: ignore[index]
                found[notebook.cells[number - 1].document][1].append(replace(diagnostic, span=span, fix=fix))
        except Exception:
            log(f"keraslint: internal error while linting {uri}:\n{traceback.format_exc()}", lsp.MessageType.Error)
        return found

    def publish_notebook(uri: str) -> None:
        found = lint_notebook(uri)
        for cell in notebook_cells.get(uri, set()) - set(found):
            # A cell deleted since: its diagnostics go with it.
            server.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=cell, diagnostics=[]))
        notebook_cells[uri] = set(found)
        for cell, (text, diagnostics) in found.items():
            positions = converter(text)
            shown = [to_lsp(diagnostic, positions) for diagnostic in diagnostics]
            server.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=cell, diagnostics=shown))

    def notebook_changed(params: Any) -> None:
        publish_notebook(params.notebook_document.uri)

    def document_changed(params: Any) -> None:
        publish(params.text_document.uri)

    # Opened, changed or saved: lint again and publish.
    for method in (lsp.NOTEBOOK_DOCUMENT_DID_OPEN, lsp.NOTEBOOK_DOCUMENT_DID_CHANGE, lsp.NOTEBOOK_DOCUMENT_DID_SAVE):
        server.feature(method)(notebook_changed)
    for method in (lsp.TEXT_DOCUMENT_DID_OPEN, lsp.TEXT_DOCUMENT_DID_CHANGE, lsp.TEXT_DOCUMENT_DID_SAVE):
        server.feature(method)(document_changed)

    @server.feature(lsp.NOTEBOOK_DOCUMENT_DID_CLOSE)
    def notebook_did_close(params: lsp.DidCloseNotebookDocumentParams) -> None:
        for cell in notebook_cells.pop(params.notebook_document.uri, set()):
            server.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=cell, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        linted.pop(uri, None)
        server.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        only = params.context.only
        # Kinds are hierarchical: "quickfix" is asked for by "quickfix" or "".
        # "Fix all" only when asked for (on save, or from a command): a
        # source action, as ruff's server names them.
        quick_fixes = only is None or any(kind in QUICK_FIX_KINDS for kind in only)
        fix_all = only is not None and any(_asks_for(kind, FIX_ALL) for kind in only)
        if not quick_fixes and not fix_all:
            return []
        uri = params.text_document.uri
        document = server.workspace.get_text_document(uri)
        notebook = server.workspace.get_notebook_document(cell_uri=uri)
        if notebook is not None:
            # A notebook cell: the whole notebook is linted, this cell's fixes offered.
            text, diagnostics = lint_notebook(notebook.uri).get(uri, ("", []))
            found = _Linted(text, Settings(), diagnostics)
        elif not is_linted(uri, document.language_id):
            return []
        else:
            linted_document = lint(document)
            if linted_document is None:
                return []
            found = linted_document
        positions = converter(found.text)
        actions = []
        if fix_all:
            safe = {d.fix.span: d.fix for d in found.diagnostics if d.fix is not None and d.fix.safe}
            if safe:
                edits = [lsp.TextEdit(range=positions.range(span), new_text=fix.text) for span, fix in safe.items()]
                actions.append(
                    lsp.CodeAction(
                        title="keraslint: fix all safely fixable problems",
                        kind=FIX_ALL,
                        edit=_workspace_edit(server, document, *edits),
                    )
                )
        if not quick_fixes:
            return actions
        for diagnostic in found.diagnostics:
            if diagnostic.fix is None:
                continue
            shown = to_lsp(diagnostic, positions)
            if not _overlaps(shown.range, params.range):
                continue
            edit = lsp.TextEdit(range=positions.range(diagnostic.fix.span), new_text=diagnostic.fix.text)
            actions.append(
                lsp.CodeAction(
                    title=diagnostic.hint or f"Fix {diagnostic.code}",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[shown],
                    # An unsafe fix is offered, for the user to choose, but
                    # never as the one an editor may apply by itself.
                    is_preferred=getattr(diagnostic.fix, "safe", True),
                    edit=_workspace_edit(server, document, edit),
                )
            )
        return actions

    return server


def _asks_for(requested: str, kind: str) -> bool:
    """Code action kinds are dotted hierarchies: ``source`` asks for
    ``source.fixAll.keraslint`` too."""
    return kind == requested or kind.startswith(requested + ".")


def _workspace_edit(server: Any, document: TextDocument, *edits: lsp.TextEdit) -> lsp.WorkspaceEdit:
    """A versioned edit when the client takes them (it then refuses to apply
    the fix to a document that has changed since), plain ``changes`` otherwise."""
    capabilities = server.client_capabilities
    workspace_edit = capabilities.workspace.workspace_edit if capabilities.workspace else None
    if workspace_edit is not None and workspace_edit.document_changes:
        identifier = lsp.OptionalVersionedTextDocumentIdentifier(uri=document.uri, version=document.version)
        return lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(text_document=identifier, edits=list(edits))])
    return lsp.WorkspaceEdit(changes={document.uri: list(edits)})


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="keraslint server",
        description="Run the keraslint language server (LSP over stdin/stdout).",
    )
    # Many clients (vscode-languageclient among them) add --stdio: accepted,
    # and stdio is the only transport anyway.
    parser.add_argument("--stdio", action="store_true", help="talk LSP over stdin/stdout (the default)")
    return parser


def main(args: Sequence[str]) -> int:
    _parser().parse_args(list(args))
    if _PYGLS_ERROR is not None:
        print(
            f"keraslint server needs pygls 2 (pip install 'keraslint[server]'): {_PYGLS_ERROR}",
            file=sys.stderr,
        )
        return 2
    server = create_server()
    # The protocol owns stdout: anything else printed (by a library while
    # linting, say) goes to stderr instead of corrupting the stream.
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    try:
        server.start_io(stdin, stdout)
    finally:
        sys.stdout = sys.__stdout__
    return 0
