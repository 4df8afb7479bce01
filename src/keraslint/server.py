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

The server never waits on one document. Linting runs in a few worker
threads, off the event loop that reads and answers messages: a change is
linted once the editor has been quiet for ``DEBOUNCE`` seconds, a document is
linted by one thread at a time, and a result is published only if the
document has not changed since its lint began (never diagnostics for an
older version). Code actions are answered at once, from the last lint: its
findings whose lines are unchanged since (``still_placed``). Only documents the editor opened are read: the server
never reads a URI from disk. Every request is answered, with an error when it
cannot be served (params that do not validate, a request before
``initialize`` or after ``shutdown``, a second ``initialize``).

Positions: keraslint counts 1-based lines and 0-based columns in code
points; LSP counts 0-based lines and columns in the position encoding agreed
at ``initialize`` (UTF-16 unless the client offers UTF-8 or UTF-32, which
pygls then picks). A line is ended by ``\\n``, ``\\r\\n`` or ``\\r``, as in
both Python and LSP (not by the other characters ``str.splitlines`` breaks
on, such as form feed). Documents are synced incrementally: the editor sends
the ranges it changed, applied here by ``keraslint.lsp.edits`` (pygls' own
apply splits lines as ``str.splitlines`` does), cells of notebooks too.

Requires pygls 2 (``pip install 'keraslint[server]'``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import logging
import os
import queue
import re
import sys
import threading
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Hashable, Sequence
from urllib.parse import unquote, urlparse

from keraslint import __version__, checker, documentation, runner
from keraslint.checker import SYNTAX_ERROR, UNREADABLE
from keraslint.config import ConfigError, Settings, load_config
from keraslint.diagnostics import Diagnostic, Position, Replacement, Span
from keraslint.discovery import is_excluded
from keraslint.fix_choice import chosen_edits, finding_edits
from keraslint.keras_version import keras_version_for
from keraslint.lsp import settings as client_settings
from keraslint.lsp.edits import apply_edit
from keraslint.resolution import Resolver
from keraslint.rules import ALL_RULES, RULES_BY_CODE
from keraslint.sources.notebook import NotebookSource

try:
    from lsprotocol import types as lsp
    from pygls.exceptions import FeatureRequestError, JsonRpcInternalError, JsonRpcInvalidParams
    from pygls.io_ import StdoutWriter
    from pygls.lsp.server import LanguageServer
    from pygls.protocol import LanguageServerProtocol
    from pygls.protocol.json_rpc import JsonRPCNotification, JsonRPCRequestMessage, JsonRPCResponseMessage

    _PYGLS_ERROR: Exception | None = None
except ImportError as error:  # keraslint itself does not need pygls
    _PYGLS_ERROR = error

if TYPE_CHECKING:
    from pygls.workspace import TextDocument

logger = logging.getLogger(__name__)

SOURCE = "keraslint"
RULE_DOCS = "https://github.com/keraslint/keraslint/blob/main/docs/rules/{code}.md"
ERROR_CODES = {SYNTAX_ERROR, UNREADABLE}
PYTHON_SUFFIXES = (".py", ".pyi", ".pyw")
QUICK_FIX_KINDS = ("quickfix", "")
# VS Code's `"editor.codeActionsOnSave": {"source.fixAll": "explicit"}` asks for it.
FIX_ALL = "source.fixAll.keraslint"
# workspace/executeCommand: argument {"uri": ...} (or the URI); applies the safe fixes.
FIX_ALL_COMMAND = "keraslint.fixAll"
# workspace/executeCommand: argument a code or a rule name; returns the rule's page (Markdown).
SHOW_RULE_COMMAND = "keraslint.showRule"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

DEBOUNCE = 0.15  # seconds without a change before a changed document is linted
LINT_THREADS = 4  # documents linted at once: a slow one holds up only its own thread
PARENT_POLL = 3.0  # seconds between checks that the editor (initialize's processId) is alive
MAX_MESSAGE = 64 * 1024 * 1024  # bytes: a longer message is read past, and ignored
MAX_HEADER_LINE = 8192  # bytes: the rest of a longer header line is read past


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their line ends, as Python and LSP count them."""
    return _LINE_BREAK.split(text)


def _split_uri(uri: str) -> tuple[str, str]:
    """A URI's scheme and (unquoted) path; one urllib cannot parse (such as
    ``file://[x.py``, an unclosed IPv6 host) as a path without a scheme."""
    try:
        parsed = urlparse(uri)
    except ValueError:
        return "", uri
    return parsed.scheme, unquote(parsed.path)


def uri_to_path(uri: str) -> str:
    """The file system path of a ``file:`` URI; any other URI as it is."""
    scheme, path = _split_uri(uri)
    if scheme != "file":
        return uri
    if re.match(r"^/[A-Za-z]:", path):  # file:///C:/x.py
        path = path[1:]
    return path


def is_linted(uri: str, language_id: str | None) -> bool:
    """Python documents, but not notebooks: a notebook opened as text is JSON,
    and a notebook cell alone lacks the cells before it (and has magics)."""
    scheme, path = _split_uri(uri)
    path = path.lower()
    if path.endswith(".ipynb") or "notebook" in scheme:
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


# Where a span of the linted text is in the editor: the document (or the
# notebook cell) it is in, and its range there; None when it is in none.
Locate = Callable[[Span], "lsp.Location | None"]


def related_information(diagnostic: Diagnostic, locate: Locate) -> list[lsp.DiagnosticRelatedInformation] | None:
    """The other half of the finding (the loss the output disagrees with),
    from ``Diagnostic.related``, then how keraslint knows, from
    ``Diagnostic.trace`` (each step ``trace: units = len(CLASSES) = 4``,
    origin first): each span where the editor shows it (in a notebook, the
    cell it is in), labelled as the rule labels it."""
    found = []
    labelled = [*diagnostic.related, *((span, f"trace: {step}") for span, step in diagnostic.trace)]
    for span, label in labelled:
        location = locate(span)
        if location is not None:
            found.append(lsp.DiagnosticRelatedInformation(location, label))
    return found or None


def to_lsp(diagnostic: Diagnostic, positions: PositionConverter, locate: Locate | None = None) -> lsp.Diagnostic:
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
        related_information=related_information(diagnostic, locate) if locate is not None else None,
    )


def still_placed(before: str, now: str, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The findings of a lint of ``before`` whose lines (the finding's and
    its fix's) are the same, at the same numbers, in ``now``: their positions
    and fixes hold in the text as it is now. While the user types, a code
    action is answered from them at once; the others wait for the next lint."""
    old, new = split_lines(before), split_lines(now)

    def unchanged(span: Span) -> bool:
        lines = range(span.start.line - 1, span.end.line)
        return all(0 <= line < min(len(old), len(new)) and old[line] == new[line] for line in lines)

    return [d for d in diagnostics if unchanged(d.span) and all(unchanged(fix.span) for fix in finding_fixes(d))]


def finding_fixes(diagnostic: Diagnostic) -> list[Replacement]:
    """The edits that fix one finding, as ``--fix --unsafe-fixes`` chooses
    them (``keraslint.fix_choice``): its own fix and those of the findings
    folded into it (the same mistake seen by other rules: a 1-unit
    `softmax` becomes `sigmoid` and its categorical loss binary, together),
    each distinct edit once, no two overlapping."""
    return finding_edits(diagnostic, unsafe=True)


def fix_all_fixes(diagnostics: list[Diagnostic]) -> list[Replacement]:
    """The edits of "fix all": what ``--fix`` applies to the same findings."""
    return chosen_edits(diagnostics, unsafe=False)


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
    # Resolved afresh at each lint: the configuration may have just been edited.
    return Resolver(runner.KNOWN_CODES).settings_for(path)


@dataclass
class _Linted:
    """The last lint of one document: what it read and what it found."""

    text: str
    settings: Settings | None  # None: the lint failed, and is not reused
    diagnostics: list[Diagnostic]
    version: int | None = None
    shown: list[lsp.Diagnostic] = field(default_factory=list)  # as published


@dataclass
class _NotebookLinted:
    """The last lint of a notebook: each code cell's text and findings, and
    the diagnostics published for each cell (none for a cell not here)."""

    cells: dict[str, tuple[str, list[Diagnostic]]]
    shown: dict[str, list[lsp.Diagnostic]]


# -- linting off the event loop ---------------------------------------------


class _Workers:
    """A few daemon threads that run lints. Daemon threads: a lint still
    running when the editor says ``exit`` (or goes away) does not keep the
    process alive."""

    def __init__(self, size: int) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._size = size
        self._started = 0
        self._lock = threading.Lock()

    def submit(self, job: Callable[[], None]) -> None:
        with self._lock:
            if self._started < self._size:
                self._started += 1
                threading.Thread(target=self._work, name=f"keraslint-lint-{self._started}", daemon=True).start()
        self._jobs.put(job)

    def _work(self) -> None:
        while True:
            self._jobs.get()()


@dataclass(eq=False)
class _Document:
    """The scheduling state of one open document or notebook.

    ``prepare`` runs on the event loop: it reads the document as it is now
    and returns the work to do in a thread (None: nothing to lint); ``apply``
    publishes a result, given the one published before it."""

    key: Hashable
    prepare: Callable[[Any], Callable[[], Any] | None]
    apply: Callable[[Any, Any], None]
    generation: int = 0  # changed at every change: the results of older runs are dropped
    timer: asyncio.TimerHandle | None = None  # the debounced start
    running: bool = False  # a thread is linting it
    rerun: bool = False  # it changed while a thread was linting it
    result: Any = None  # the last result published


class _Scheduler:
    """When documents are linted, and which results are published.

    Everything here runs on the event loop's thread, except the work that
    ``prepare`` returns. A change is linted after ``DEBOUNCE`` seconds
    without another (an open or a save at once). A document is linted by one
    thread at a time: a change while it runs asks for one more run when it
    ends, so a document that takes a minute to lint holds one thread, and
    every other document is linted by the others (but for the analysis
    itself: ``keraslint.checker`` runs every analysis of the process on one
    thread for now, so analyses still wait for each other; requests never
    do). Each change gives the document a new generation; a run's result is
    published only if the document's generation is still the one the run
    started at, so the diagnostics of an older version are never published
    (the run is not interrupted: a thread cannot be, safely; its result is
    dropped)."""

    def __init__(self, workers: _Workers, report: Callable[[str], None]) -> None:
        self._workers = workers
        self._report = report  # an unexpected failure of a run, from its thread
        self._documents: dict[Hashable, _Document] = {}
        self._generations = itertools.count(1)

    def open(self, key: Hashable, prepare: Callable[[Any], Any], apply: Callable[[Any, Any], None]) -> None:
        self.close(key)
        self._documents[key] = _Document(key, prepare, apply)
        self.changed(key, delay=0)

    def changed(self, key: Hashable, delay: float = DEBOUNCE) -> None:
        document = self._documents.get(key)
        if document is None:  # never opened (or closed since): nothing to lint
            return
        document.generation = next(self._generations)
        if document.timer is not None:
            document.timer.cancel()
            document.timer = None
        if delay > 0:
            document.timer = asyncio.get_running_loop().call_later(delay, self._start, document)
        else:
            self._start(document)

    def close(self, key: Hashable) -> Any:
        """Forget the document (its lint under way is dropped); the last result published."""
        document = self._documents.pop(key, None)
        if document is None:
            return None
        if document.timer is not None:
            document.timer.cancel()
        return document.result

    def last(self, key: Hashable) -> Any:
        """The last result published for the document (None: none yet)."""
        document = self._documents.get(key)
        return document.result if document is not None else None

    def changed_all(self) -> None:
        """Lint every open document again, at once (the settings changed)."""
        for key in list(self._documents):
            self.changed(key, delay=0)

    def _start(self, document: _Document) -> None:
        document.timer = None
        if self._documents.get(document.key) is not document:
            return
        if document.running:
            document.rerun = True
            return
        work = document.prepare(document.result)
        if work is None:
            return
        document.running = True
        generation = document.generation
        loop = asyncio.get_running_loop()

        def job() -> None:  # in a worker thread
            try:
                result = work()
            except Exception:  # the work reports its own failures: this is a last resort
                self._report(traceback.format_exc())
                result = None
            with contextlib.suppress(RuntimeError):  # the loop is closed: the server is exiting
                loop.call_soon_threadsafe(self._finished, document, generation, result)

        self._workers.submit(job)

    def _finished(self, document: _Document, generation: int, result: Any) -> None:
        document.running = False
        if self._documents.get(document.key) is not document:  # closed meanwhile
            return
        try:
            if generation == document.generation and result is not None:
                previous, document.result = document.result, result
                document.apply(previous, result)
        finally:
            if document.rerun:
                document.rerun = False
                if document.timer is None:  # else the timer starts it
                    self._start(document)


# -- the protocol: every message answered ------------------------------------


class _MessageReader:
    """Reads the messages of the base protocol (``Content-Length`` header,
    blank line, body) in bounded memory; blocking, so it runs in a thread.
    pygls' own reader dies on a ``Content-Length`` of more than 4,300 digits
    and allocates whatever length it is given.

    It reads the file descriptor itself (``os.read``), not ``sys.stdin``: a
    thread blocked in ``sys.stdin.buffer.read`` holds the buffer's lock, and
    the interpreter aborts at exit when it finds it taken."""

    def __init__(self, stream: BinaryIO) -> None:
        try:
            fd = stream.fileno()
            self._read: Callable[[int], bytes] = lambda size: os.read(fd, size)
        except (AttributeError, OSError, ValueError):  # not a file: read it as a stream
            self._read = getattr(stream, "read1", stream.read)
        self._buffer = b""

    def read(self) -> bytes | None:
        """The next message's body; None at the end of the input."""
        while True:
            length = self._read_headers()
            if length is None:
                return None
            if length <= MAX_MESSAGE:
                return self._take(length)
            logger.warning("ignoring a message of %d bytes (the limit is %d)", length, MAX_MESSAGE)
            if not self._skip(length):
                return None

    def _fill(self) -> bool:
        """Read more into the buffer; False at the end of the input."""
        chunk = self._read(1 << 16)
        self._buffer += chunk
        return bool(chunk)

    def _line(self) -> bytes | None:
        """The next line, or its first ``MAX_HEADER_LINE`` bytes; None at the end."""
        while True:
            end = self._buffer.find(b"\n", 0, MAX_HEADER_LINE)
            if end >= 0 or len(self._buffer) >= MAX_HEADER_LINE:
                cut = end + 1 if end >= 0 else MAX_HEADER_LINE
                line, self._buffer = self._buffer[:cut], self._buffer[cut:]
                return line
            if not self._fill():
                return None

    def _read_headers(self) -> int | None:
        length = None
        while True:
            line = self._line()
            if line is None:
                return None
            if not line.endswith(b"\n"):  # an overlong line: not a header we know
                length = None
                continue
            line = line.strip()
            if not line:  # the end of the headers
                if length is not None:
                    return length
                continue  # no Content-Length: not a message; look for the next one
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                value = value.strip()
                length = int(value) if value.isdigit() and len(value) <= 18 else None

    def _take(self, length: int) -> bytes | None:
        """The next ``length`` bytes; None if the input ends first."""
        chunks = []
        while length > 0:
            if not self._buffer and not self._fill():
                return None
            chunk, self._buffer = self._buffer[:length], self._buffer[length:]
            chunks.append(chunk)
            length -= len(chunk)
        return b"".join(chunks)

    def _skip(self, length: int) -> bool:
        """Read past the next ``length`` bytes; False if the input ends first."""
        while length > 0:
            if not self._buffer and not self._fill():
                return False
            skipped = min(length, len(self._buffer))
            self._buffer = self._buffer[skipped:]
            length -= skipped
        return True


def _read_messages(reader: _MessageReader, loop: asyncio.AbstractEventLoop, inbox: asyncio.Queue[bytes | None]) -> None:
    """The stdin thread: each message into ``inbox``, None at the end. The
    queue is bounded: a client that writes faster than the server reads
    waits, as it would on a pipe."""
    while True:
        try:
            body = reader.read()
        except (OSError, ValueError) as error:  # stdin broken or closed
            logger.warning("cannot read the client's messages: %s", error)
            body = None
        try:
            asyncio.run_coroutine_threadsafe(inbox.put(body), loop).result()
        except Exception:  # the loop is closed or closing: the server is exiting
            return
        if body is None:
            return


def _valid_id(value: Any) -> bool:
    return isinstance(value, (int, str)) and not isinstance(value, bool)


def _process_alive(pid: int) -> bool:
    """Whether process ``pid`` exists (POSIX; where it cannot be told, True)."""
    try:
        os.kill(pid, 0)  # signal 0: checks, sends nothing
    except ProcessLookupError:
        return False
    except (OSError, OverflowError, ValueError):  # PermissionError: it exists, someone else's
        return True
    return True


if _PYGLS_ERROR is None:

    class _Protocol(LanguageServerProtocol):
        """pygls' protocol, answering every request. pygls drops a request
        whose params do not validate (with a logged traceback), any request
        after ``shutdown``, and serves a second ``initialize``; the client
        then waits forever. Here each gets the JSON-RPC error the
        specification asks for, and only ``exit`` is served after
        ``shutdown``."""

        def __init__(self, server: Any, converter: Any) -> None:
            super().__init__(server, converter)
            self.initialize_received = False

        @property
        def shut_down(self) -> bool:
            return self._shutdown

        def receive(self, body: bytes) -> None:
            """Handle one message, as read from the client."""
            try:
                message = json.loads(body)
            except (ValueError, RecursionError) as error:  # not JSON (or nested too deeply to read)
                logger.warning("ignoring a message that is not JSON: %.200s", error)
                self._reply_error(None, lsp.ErrorCodes.ParseError, f"Parse error: {error}")
                return
            self.handle_message(message)

        def handle_message(self, message: Any) -> None:
            if not isinstance(message, dict):
                self._reply_error(None, lsp.ErrorCodes.InvalidRequest, "Invalid request: not a JSON-RPC message")
                return
            method, msg_id = message.get("method"), message.get("id")
            if "method" not in message:
                if "id" in message:
                    self._handle_client_response(message)
                else:
                    self._reply_error(None, lsp.ErrorCodes.InvalidRequest, "Invalid request: no method")
                return
            request = "id" in message
            if message.get("jsonrpc") != "2.0" or not isinstance(method, str) or (request and not _valid_id(msg_id)):
                if request:
                    reason = "Invalid request: not JSON-RPC 2.0, no method name, or an id not a number or string"
                    self._reply_error(msg_id if _valid_id(msg_id) else None, lsp.ErrorCodes.InvalidRequest, reason)
                else:
                    logger.warning("ignoring an invalid notification")
                return
            if request:
                refusal = self._refusal(method)
                if refusal is not None:
                    self._reply_error(msg_id, *refusal)
                    return
            elif method == lsp.EXIT:
                message = {"jsonrpc": "2.0", "method": lsp.EXIT}  # its params do not matter
            elif self._shutdown or not self.initialize_received:
                state = "shut down" if self._shutdown else "not initialized"
                logger.warning("ignoring %s: the server is %s", method, state)
                return
            default = JsonRPCRequestMessage if request else JsonRPCNotification
            try:
                structured = self._converter.structure(message, self.get_message_type(method) or default)
            except Exception:
                if request:
                    self._reply_error(msg_id, lsp.ErrorCodes.InvalidParams, f"Invalid params for {method}")
                else:
                    logger.warning("ignoring %s: invalid params", method)
                return
            if method == lsp.INITIALIZE:
                self.initialize_received = True
            elif (reason := self._unusable(method, structured)) is not None:
                logger.warning("ignoring %s: %s", method, reason)
                return
            if method == lsp.TEXT_DOCUMENT_DID_CHANGE:
                params = structured.params
                params.content_changes = self._as_whole(params.text_document.uri, params.content_changes)
            elif method == lsp.NOTEBOOK_DOCUMENT_DID_CHANGE and structured.params.change.cells is not None:
                for cell in structured.params.change.cells.text_content or ():
                    cell.changes = self._as_whole(cell.document.uri, cell.changes)
            super().handle_message(structured)

        def _as_whole(self, uri: str, changes: Sequence[Any]) -> list[lsp.TextDocumentContentChangeWholeDocument]:
            """Incremental changes applied here (see ``keraslint.lsp.edits``),
            handed to pygls as the one whole text they make. A cell of a
            notebook not yet open (its cells come in the same message) is
            left to pygls."""
            document = self.workspace.text_documents.get(unquote(uri))
            if document is None:
                return list(changes)
            text = document.source
            encoding = self.workspace.position_encoding or "utf-16"
            encoding = str(getattr(encoding, "value", encoding)).lower()
            for change in changes:
                if isinstance(change, lsp.TextDocumentContentChangePartial):
                    start, end = change.range.start, change.range.end
                    text = apply_edit(
                        text, (start.line, start.character), (end.line, end.character), change.text, encoding
                    )
                else:
                    text = change.text
            return [lsp.TextDocumentContentChangeWholeDocument(text=text)]

        def _unusable(self, method: str, message: Any) -> str | None:
            """Why pygls would fail on this notification (with a KeyError or
            a ValueError, logged to the client as an internal error), if it would."""
            if method == lsp.TEXT_DOCUMENT_DID_OPEN:
                try:
                    urlparse(message.params.text_document.uri)
                except ValueError as error:
                    return f"its URI cannot be parsed ({error})"
            elif method == lsp.TEXT_DOCUMENT_DID_CHANGE:
                opened = unquote(message.params.text_document.uri) in self.workspace.text_documents
                return None if opened else "the document is not open"
            elif method == lsp.NOTEBOOK_DOCUMENT_DID_CHANGE:
                notebook = self.workspace.get_notebook_document(notebook_uri=message.params.notebook_document.uri)
                return None if notebook is not None else "the notebook is not open"
            return None

        def _refusal(self, method: str) -> tuple[int, str] | None:
            if self._shutdown:
                return lsp.ErrorCodes.InvalidRequest, f"{method}: the server is shut down (only `exit` is accepted)"
            if method == lsp.INITIALIZE and self.initialize_received:
                return lsp.ErrorCodes.InvalidRequest, "initialize: the server is already initialized"
            if method != lsp.INITIALIZE and not self.initialize_received:
                return lsp.ErrorCodes.ServerNotInitialized, f"{method}: the server is not initialized"
            return None

        def _execute_handler(
            self,
            msg_id: Any,
            handler: Any,
            callback: Any,
            args: tuple[Any, ...] | None = None,
            kwargs: dict[str, Any] | None = None,
        ) -> None:
            """pygls' execution of a handler, which forgets its future once
            it is done. pygls (2.1) keeps the future of a generator handler
            (each of its own notification handlers: didOpen, didChange,
            didSave, didClose...) in ``_request_futures`` under a fresh id
            that nothing removes: a Future, its Condition, lock and
            callbacks (about 12 objects) kept for every keystroke, the
            server's memory growing by 3.7 MB per 1,000 edits."""

            def done(future: Any) -> None:
                try:
                    callback(future)
                finally:
                    if self._request_futures.get(msg_id) is future:
                        self._request_futures.pop(msg_id, None)

            super()._execute_handler(msg_id, handler, done, args, kwargs)

        def _handle_client_response(self, message: dict[str, Any]) -> None:
            try:
                if "error" in message:
                    structured = self._converter.structure(message, lsp.ResponseErrorMessage)
                else:
                    kind = self._result_types.pop(message["id"], None) or JsonRPCResponseMessage
                    structured = self._converter.structure(message, kind)
            except Exception:
                logger.warning("ignoring an invalid response")
                return
            super().handle_message(structured)

        def _reply_error(self, msg_id: Any, code: int, message: str) -> None:
            # A plain dict: lsprotocol's ResponseErrorMessage would leave out a null id.
            error = {"code": int(code), "message": message}
            self._send_data({"jsonrpc": "2.0", "id": msg_id, "error": error})

    class _Server(LanguageServer):
        """pygls' server, reading stdin with ``_MessageReader`` and telling
        how it ended: ``exit_code`` is 0 after ``shutdown`` then ``exit``
        (or the end of the input), 1 otherwise."""

        protocol: _Protocol
        exit_code = 0
        loop: asyncio.AbstractEventLoop | None = None

        def start_io(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
            self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
            try:
                asyncio.run(self._serve(_MessageReader(stdin or sys.stdin.buffer)))
                self.exit_code = 0 if self.protocol.shut_down else 1  # the end of the input
            except SystemExit as exit:  # `exit` (pygls' handler), or the editor is gone
                self.exit_code = exit.code if isinstance(exit.code, int) else 1
            except (BrokenPipeError, KeyboardInterrupt):
                self.exit_code = 1

        async def _serve(self, reader: _MessageReader) -> None:
            self.loop = asyncio.get_running_loop()
            inbox: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize=8)
            args = (reader, self.loop, inbox)
            threading.Thread(target=_read_messages, args=args, name="keraslint-stdin", daemon=True).start()
            while True:
                body = await inbox.get()
                if body is None:
                    return
                self.protocol.receive(body)

        def report_server_error(self, error: Exception, source: Any) -> None:
            """A failure in pygls outside a request (a request's is in its
            answer): logged for the client, not shown as a pop-up."""
            if source is FeatureRequestError:
                return
            if source is JsonRpcInternalError:  # writing to the client failed: it is gone
                logger.warning("cannot write to the client: %s", error)
                return
            self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Error, message=f"keraslint: {error!r}"))

        def watch_parent(self, pid: Any) -> None:
            """End the server (exit code 1) once process ``pid`` (the editor,
            from ``initialize``) has ended without stopping it, as the
            specification asks. POSIX only: on Windows ``os.kill`` would
            terminate the process."""
            if not isinstance(pid, int) or pid <= 0 or os.name != "posix" or self.loop is None:
                return
            loop = self.loop

            def check() -> None:
                if _process_alive(pid):
                    loop.call_later(PARENT_POLL, check)
                    return
                logger.warning("the editor (process %d) has ended: exiting", pid)
                raise SystemExit(1)  # out of the event loop, to start_io

            loop.call_later(PARENT_POLL, check)


def create_server() -> LanguageServer:
    if _PYGLS_ERROR is not None:
        raise _PYGLS_ERROR
    server = _Server(
        SOURCE,
        __version__,
        text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
        # Jupyter notebooks, synced cell by cell (VS Code's notebook editor).
        notebook_document_sync=lsp.NotebookDocumentSyncOptions(
            notebook_selector=[
                lsp.NotebookDocumentFilterWithCells(
                    notebook="jupyter-notebook", cells=[lsp.NotebookCellLanguage(language="python")]
                )
            ],
            save=True,
        ),
        protocol_cls=_Protocol,
    )
    config_errors: set[str] = set()  # each logged once, not at every keystroke
    config_lock = threading.Lock()  # settings are read in the worker threads

    def log(message: str, kind: lsp.MessageType) -> None:
        """Log to the client; from any thread (messages are written by the event loop's)."""

        def send() -> None:
            server.window_log_message(lsp.LogMessageParams(type=kind, message=message))

        if server.loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop is closed: the server is exiting
                server.loop.call_soon_threadsafe(send)

    scheduler = _Scheduler(
        _Workers(LINT_THREADS),
        lambda failure: log(f"keraslint: internal error in the server:\n{failure}", lsp.MessageType.Error),
    )

    def open_document(uri: str) -> TextDocument | None:
        """The document the editor opened (or a notebook's cell) by this URI;
        None for any other. pygls would read any other URI from disk, which
        blocks forever on a FIFO: the server only lints what the editor sent."""
        return server.workspace.text_documents.get(unquote(uri))

    def position_encoding() -> str:
        return str(server.workspace.position_encoding or "utf-16")

    def publish(uri: str, diagnostics: list[lsp.Diagnostic], version: int | None = None) -> None:
        params = lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        server.text_document_publish_diagnostics(params)

    editor = [client_settings.ClientSettings()]  # the editor's settings, replaced whole when they change

    def log_once(error: str) -> None:
        with config_lock:
            first = error not in config_errors
            config_errors.add(error)
        if first:
            log(f"keraslint: {error} (linting with the default settings)", lsp.MessageType.Error)

    def settings(path: str) -> Settings:
        """The settings for ``path``: the project's (its nearest
        configuration file) and the editor's, combined as the editor's
        ``configurationPreference`` says (see ``keraslint.lsp.settings``)."""
        chosen = editor[0]
        configuration = project = None
        if chosen.configuration is not None:
            try:
                if not chosen.configuration.is_file():
                    raise ConfigError(f"{chosen.configuration}: no such configuration file")
                configuration = load_config(chosen.configuration, runner.KNOWN_CODES)
                configuration.origins["root"] = str(chosen.configuration)
            except ConfigError as error:
                log_once(str(error))
        if chosen.reads_project:
            try:
                project = settings_for(path)
            except ConfigError as error:
                log_once(str(error))
        return chosen.combine(project, configuration)

    def take_settings(options: Any, root: str | None) -> None:
        chosen, problems = client_settings.parse(options, runner.KNOWN_CODES, Path(root) if root else None)
        for problem in problems:
            log(f"keraslint: settings: {problem} (left out)", lsp.MessageType.Error)
        editor[0] = chosen

    async def pull_settings(pushed: Any = None) -> None:
        """Ask the editor for its ``keraslint`` section
        (``workspace/configuration``), when it says it answers that, and
        lint every open document again with it. An editor that has no such
        section answers null: the settings pushed with the change (or, at
        start, ``initializationOptions``) stay."""
        capabilities = server.client_capabilities.workspace
        section = None
        if capabilities is not None and capabilities.configuration:
            item = lsp.ConfigurationItem(section=SOURCE, scope_uri=server.workspace.root_uri)
            try:
                answer = await server.workspace_configuration_async(lsp.ConfigurationParams(items=[item]))
                # A list in JSON; lsprotocol structures it as a tuple.
                section = answer[0] if isinstance(answer, (list, tuple)) and answer else None
            except Exception as error:  # the editor answered with an error
                log(f"keraslint: the editor did not send its settings: {error}", lsp.MessageType.Warning)
        if section is None:
            section = pushed
        if section is None:
            return
        take_settings(section, server.workspace.root_path)
        scheduler.changed_all()

    # -- Python documents: prepared on the event loop, linted in a thread.

    def lint_document(uri: str, text: str, version: int | None, encoding: str, previous: _Linted | None) -> _Linted:
        path = uri_to_path(uri)
        try:
            wanted = settings(path)
            if previous is not None and previous.text == text and previous.settings == wanted:
                return replace(previous, version=version)
            if wanted.force_exclude and is_excluded(path, wanted):
                found: list[Diagnostic] = []
            else:
                # checker.lint_text is looked up at each call (tests wrap it).
                keras = keras_version_for(path, wanted.keras_version, fresh=True)
                result = checker.lint_text(path, text, runner.enabled_rules(wanted), keras)
                for error in result.internal_errors:
                    log(f"keraslint: internal error in {uri}: {error}", lsp.MessageType.Warning)
                found = list(runner.finish(result, wanted).diagnostics)
            positions = PositionConverter(text, encoding)
            locate = lambda span: lsp.Location(uri, positions.range(span))  # noqa: E731
            return _Linted(text, wanted, found, version, [to_lsp(d, positions, locate) for d in found])
        except Exception:
            log(f"keraslint: internal error while linting {uri}:\n{traceback.format_exc()}", lsp.MessageType.Error)
            return _Linted(text, None, [], version)

    def prepare_document(uri: str) -> Callable[[_Linted | None], Callable[[], _Linted] | None]:
        def prepare(previous: _Linted | None) -> Callable[[], _Linted] | None:
            document = open_document(uri)
            if document is None:
                return None
            text, version, encoding = document.source, document.version, position_encoding()
            if not is_linted(uri, document.language_id):
                return lambda: _Linted(text, None, [], version)  # published empty
            return lambda: lint_document(uri, text, version, encoding, previous)

        return prepare

    def apply_document(uri: str) -> Callable[[_Linted | None, _Linted], None]:
        return lambda previous, linted: publish(uri, linted.shown, linted.version)

    # -- notebooks: the cells in order are one program, as on the command line.

    def lint_notebook(uri: str, cells: list[tuple[str, bool, str]], metadata: str, encoding: str) -> _NotebookLinted:
        """Each code cell's text and findings, positions (fixes included) in the cell."""
        found: dict[str, tuple[str, list[Diagnostic]]] = {cell: (text, []) for cell, code, text in cells if code}
        linted = _NotebookLinted(found, {})
        path = uri_to_path(uri)
        notebook = [
            {"cell_type": "code" if code else "markdown", "metadata": {}, "source": text} for _, code, text in cells
        ]
        data = f'{{"cells": {json.dumps(notebook)}, "metadata": {metadata}}}'.encode("utf-8", "surrogatepass")
        try:
            wanted = settings(path)
            if wanted.force_exclude and is_excluded(path, wanted):
                return linted
            named = path if path.endswith(".ipynb") else path + ".ipynb"
            keras = keras_version_for(path, wanted.keras_version, fresh=True)
            result = checker.lint_data(named, data, runner.enabled_rules(wanted), keras)
            for error in result.internal_errors:
                log(f"keraslint: internal error in {uri}: {error}", lsp.MessageType.Warning)
            result = runner.finish(result, wanted)
            source = result.source
            if not isinstance(source, NotebookSource):
                return linted

            def in_cell(span: Span) -> tuple[int, Span] | None:
                # Positions in the cell as written (its indentation included).
                number, line, column = source.locate(span.start)
                end_number, end_line, end_column = source.locate(span.end)
                if number is None or not 1 <= number <= len(cells):
                    return None
                if end_number != number:
                    end_line, end_column = line, column
                return number, Span(Position(line, column - 1), Position(end_line, end_column - 1))

            converters: dict[int, PositionConverter] = {}

            def positions(number: int) -> PositionConverter:
                if number not in converters:
                    converters[number] = PositionConverter(cells[number - 1][2], encoding)
                return converters[number]

            def locate(span: Span) -> lsp.Location | None:
                placed = in_cell(span)
                if placed is None:
                    return None
                number, in_place = placed
                return lsp.Location(cells[number - 1][0], positions(number).range(in_place))

            for diagnostic in result.diagnostics:
                placed = in_cell(diagnostic.span)
                if placed is None or cells[placed[0] - 1][0] not in found:
                    continue
                number, span = placed

                def in_this_cell(fix: Replacement | None, number: int = number) -> Replacement | None:
                    # A fix in the finding's cell, each of its edits placed
                    # there; any other is dropped.
                    if fix is None:
                        return None
                    placed = [in_cell(edit.span) for edit in fix.edits]
                    if not all(place is not None and place[0] == number for place in placed):
                        return None
                    spans = [place[1] for place in placed if place is not None]
                    also = tuple(replace(edit, span=span) for edit, span in zip(fix.also, spans[1:]))
                    return replace(fix, span=spans[0], also=also)

                fix = in_this_cell(diagnostic.fix)
                # The folded findings go with it for their fixes only.
                folded = tuple(replace(d, fix=in_this_cell(d.fix), related=(), trace=()) for d in diagnostic.folded)
                cell = cells[number - 1][0]
                # Its related spans are in the notebook's code: ``locate``
                # places each in its own cell.
                shown = to_lsp(replace(diagnostic, span=span, fix=fix), positions(number), locate)
                linted.shown.setdefault(cell, []).append(shown)
                found[cell][1].append(replace(diagnostic, span=span, fix=fix, related=(), trace=(), folded=folded))
        except Exception:
            log(f"keraslint: internal error while linting {uri}:\n{traceback.format_exc()}", lsp.MessageType.Error)
            return _NotebookLinted({cell: (text, []) for cell, (text, _) in found.items()}, {})
        return linted

    def prepare_notebook(uri: str) -> Callable[[Any], Callable[[], _NotebookLinted] | None]:
        def prepare(previous: Any) -> Callable[[], _NotebookLinted] | None:
            notebook = server.workspace.get_notebook_document(notebook_uri=uri)
            if notebook is None:
                return None
            cells = []
            for cell in notebook.cells:
                code = cell.kind == lsp.NotebookCellKind.Code
                document = open_document(cell.document) if code else None
                cells.append((cell.document, code, document.source if document is not None else ""))
            try:
                metadata = json.dumps(notebook.metadata or {})
            except (TypeError, ValueError):
                metadata = "{}"
            encoding = position_encoding()
            return lambda: lint_notebook(uri, cells, metadata, encoding)

        return prepare

    def apply_notebook(previous: _NotebookLinted | None, linted: _NotebookLinted) -> None:
        """Publish only what changed: in a notebook of 10,000 cells, a
        keystroke republishes the cells whose diagnostics it changed, and
        clears those (deleted, or fixed) that had some and have none now."""
        before = previous.shown if previous is not None else {}
        for cell, shown in linted.shown.items():
            if before.get(cell) != shown:
                publish(cell, shown)
        for cell in before.keys() - linted.shown.keys():
            publish(cell, [])

    # -- the notifications: each schedules a lint, none lints.

    @server.feature(lsp.INITIALIZE)
    def initialize(params: lsp.InitializeParams) -> None:
        server.watch_parent(params.process_id)
        root = uri_to_path(params.root_uri) if params.root_uri else params.root_path
        take_settings(params.initialization_options, root)

    @server.feature(lsp.INITIALIZED)
    async def initialized(params: lsp.InitializedParams) -> None:
        await pull_settings()

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(params: lsp.DidChangeConfigurationParams) -> None:
        # An editor that answers workspace/configuration sends null here
        # (VS Code): its settings are pulled; the others push them.
        await pull_settings(params.settings)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: lsp.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        scheduler.open(("text", unquote(uri)), prepare_document(uri), apply_document(uri))

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: lsp.DidChangeTextDocumentParams) -> None:
        scheduler.changed(("text", unquote(params.text_document.uri)))

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: lsp.DidSaveTextDocumentParams) -> None:
        scheduler.changed(("text", unquote(params.text_document.uri)), delay=0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        scheduler.close(("text", unquote(uri)))
        publish(uri, [])

    @server.feature(lsp.NOTEBOOK_DOCUMENT_DID_OPEN)
    def notebook_did_open(params: lsp.DidOpenNotebookDocumentParams) -> None:
        uri = params.notebook_document.uri
        scheduler.open(("notebook", unquote(uri)), prepare_notebook(uri), apply_notebook)

    @server.feature(lsp.NOTEBOOK_DOCUMENT_DID_CHANGE)
    def notebook_did_change(params: lsp.DidChangeNotebookDocumentParams) -> None:
        scheduler.changed(("notebook", unquote(params.notebook_document.uri)))

    @server.feature(lsp.NOTEBOOK_DOCUMENT_DID_SAVE)
    def notebook_did_save(params: lsp.DidSaveNotebookDocumentParams) -> None:
        scheduler.changed(("notebook", unquote(params.notebook_document.uri)), delay=0)

    @server.feature(lsp.NOTEBOOK_DOCUMENT_DID_CLOSE)
    def notebook_did_close(params: lsp.DidCloseNotebookDocumentParams) -> None:
        linted = scheduler.close(("notebook", unquote(params.notebook_document.uri)))
        for cell in linted.shown if linted is not None else ():
            publish(cell, [])

    # -- code actions: from the last lint of the text they are asked on.

    def last_lint(uri: str) -> tuple[str, list[Diagnostic], list[lsp.Diagnostic]] | None:
        """The text of document ``uri`` (a Python document, or a notebook's
        code cell) as it is now, the findings of its last lint whose
        positions still hold (see ``still_placed``), and each as it was
        published: at once, never waiting for a lint."""
        document = open_document(uri)
        if document is None:
            return None
        notebook = server.workspace.get_notebook_document(cell_uri=uri)
        if notebook is not None:
            linted = scheduler.last(("notebook", unquote(notebook.uri)))
            found = linted.cells.get(uri) if linted is not None else None
            shown = linted.shown.get(uri, []) if linted is not None else []
        elif is_linted(uri, document.language_id):
            linted = scheduler.last(("text", unquote(uri)))
            found = (linted.text, linted.diagnostics) if linted is not None else None
            shown = linted.shown if linted is not None else []
        else:
            return None
        if found is None:
            return None
        text, diagnostics = found
        if text != document.source:
            placed = {id(diagnostic) for diagnostic in still_placed(text, document.source, diagnostics)}
            kept = [(d, s) for d, s in zip(diagnostics, shown) if id(d) in placed]
            diagnostics, shown = [d for d, _ in kept], [s for _, s in kept]
        return document.source, diagnostics, shown

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]),
    )
    async def code_action(params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        only = params.context.only
        # Kinds are hierarchical: "quickfix" is asked for by "quickfix" or "".
        # "Fix all" only when asked for (on save, or from a command): a
        # source action, as ruff's server names them.
        quick_fixes = only is None or any(kind in QUICK_FIX_KINDS for kind in only)
        fix_all = only is not None and any(_asks_for(kind, FIX_ALL) for kind in only)
        if not quick_fixes and not fix_all:
            return []
        uri = params.text_document.uri
        found = last_lint(uri)
        document = open_document(uri)
        if found is None or document is None:
            return []
        text, diagnostics, published = found
        positions = PositionConverter(text, position_encoding())
        actions = []
        if fix_all:
            edit = fix_all_edit(document, text, diagnostics)
            if edit is not None:
                actions.append(
                    lsp.CodeAction(title="keraslint: fix all safely fixable problems", kind=FIX_ALL, edit=edit)
                )
        if not quick_fixes:
            return actions
        # Each finding as the editor shows it: its lines are unchanged since.
        # One action per finding, with every edit that fixes it: its own and
        # those of the findings folded into it. They are one mistake, and
        # ``--fix`` applies them together; one of them alone would leave the
        # others' findings standing (a `sigmoid` output still compiled with
        # a categorical loss).
        for diagnostic, shown in zip(diagnostics, published):
            fixes = finding_fixes(diagnostic)
            if not fixes or not _overlaps(shown.range, params.range):
                continue
            edits = [lsp.TextEdit(range=positions.range(fix.span), new_text=fix.text) for fix in fixes]
            codes = sorted({d.code for d in diagnostic.folded if d.fix is not None} - {diagnostic.code})
            title = diagnostic.hint or f"Fix {diagnostic.code}"
            if codes:
                title = f"{title} (and the fix of {', '.join(codes)}, the same mistake)"
            actions.append(
                lsp.CodeAction(
                    title=title,
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[shown],
                    # An unsafe fix is offered, for the user to choose, but
                    # never as the one an editor may apply by itself.
                    is_preferred=all(getattr(fix, "safe", True) for fix in fixes),
                    edit=_workspace_edit(server, document, *edits),
                )
            )
        return actions

    def fix_all_edit(document: TextDocument, text: str, diagnostics: list[Diagnostic]) -> lsp.WorkspaceEdit | None:
        """Every safe fix of one lint as one edit; None when there is none."""
        positions = PositionConverter(text, position_encoding())
        safe = fix_all_fixes(diagnostics)
        if not safe:
            return None
        edits = [lsp.TextEdit(range=positions.range(fix.span), new_text=fix.text) for fix in safe]
        return _workspace_edit(server, document, *edits)

    # -- commands (workspace/executeCommand), as editors bind them to keys.

    @server.command(FIX_ALL_COMMAND)
    async def fix_all_command(argument: Any = None) -> lsp.WorkspaceEdit | None:
        """Apply (workspace/applyEdit) every safe fix of the document; the
        edit sent, or None when there is nothing to fix."""
        uri = argument.get("uri") if isinstance(argument, dict) else argument
        if not isinstance(uri, str):
            raise JsonRpcInvalidParams(f'{FIX_ALL_COMMAND}: give the document, as {{"uri": ...}}')
        found = last_lint(uri)
        document = open_document(uri)
        if found is None or document is None:
            return None
        edit = fix_all_edit(document, *found[:2])
        if edit is not None:
            params = lsp.ApplyWorkspaceEditParams(edit=edit, label="keraslint: fix all")
            try:
                await server.workspace_apply_edit_async(params)
            except Exception as error:  # the client refused it, or does not apply edits
                log(f"keraslint: the editor did not apply the fixes: {error}", lsp.MessageType.Warning)
        return edit

    @server.command(SHOW_RULE_COMMAND)
    def show_rule(argument: Any = None) -> str:
        """The rule's documentation page (Markdown), by code or by name."""
        wanted = argument.get("rule") if isinstance(argument, dict) else argument
        wanted = wanted.strip() if isinstance(wanted, str) else ""
        for rule in ALL_RULES:
            if wanted.upper() == rule.CODE or wanted == rule.NAME:
                return documentation.render(rule)
        raise JsonRpcInvalidParams(f"{SHOW_RULE_COMMAND}: no rule {wanted!r} (give a code such as KL101)")

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


class _OneLine(logging.Formatter):
    """Log records on one line each, an exception as its type and message:
    the editor shows the server's stderr, where a traceback says nothing
    the user can act on."""

    def format(self, record: logging.LogRecord) -> str:
        error = record.exc_info[1] if record.exc_info else None
        record = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None, "stack_info": None})
        line = super().format(record)
        if error is not None:
            line += f": {type(error).__name__}: {error}"
        return line.replace("\n", " ")


def main(args: Sequence[str]) -> int:
    _parser().parse_args(list(args))
    if _PYGLS_ERROR is not None:
        print(
            f"keraslint server needs pygls 2 (pip install 'keraslint[server]'): {_PYGLS_ERROR}",
            file=sys.stderr,
        )
        return 2
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine("keraslint server: %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    server = create_server()
    # The protocol owns stdout: anything else printed (by a library while
    # linting, say) goes to stderr instead of corrupting the stream.
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    try:
        server.start_io(stdin, stdout)
    finally:
        sys.stdout = sys.__stdout__
    return server.exit_code
