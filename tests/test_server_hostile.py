"""``keraslint server`` against careless or hostile clients: requests that
do not validate, a FIFO for a document, a slow document, a notebook of
10,000 cells, broken framing, the lifecycle out of order, and a fuzzed
session. The server runs in a subprocess, driven by a bare JSON-RPC client
(``Session``) that can send anything and records everything the server
writes; nothing is mocked. One script (``SLOW_SERVER``) wraps
``keraslint.checker.lint_text`` to make a document slow on demand, as a
pathological file is, whatever the checker's own speed."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import random
import sys
import textwrap
import time
from pathlib import Path
from typing import Any, Callable

import pytest

from helpers import BUGGY, CLEAN

pytest.importorskip("pygls.lsp.server")
pytest_asyncio = pytest.importorskip("pytest_asyncio")

from keraslint.checker import lint_text  # noqa: E402

SERVER_COMMAND = [sys.executable, "-m", "keraslint", "server"]
PUBLISH = "textDocument/publishDiagnostics"
STARTUP = 30  # seconds: the first lint imports LibCST
REPLY = 5  # seconds: a bound on any answer that must not wait on a lint (they take milliseconds)
INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS, PARSE_ERROR = -32600, -32601, -32602, -32700
SERVER_NOT_INITIALIZED = -32002
ABSENT = object()  # a message without params

# The real server, with ``lint_text`` busy (in Python, holding the GIL, as
# the analysis of a pathological file is) for N seconds on a document
# holding "KERASLINT_TEST_SLOW N". The old server answered nothing meanwhile.
SLOW_SERVER = textwrap.dedent(
    """
    import re, sys, time
    from keraslint import checker

    real_lint_text = checker.lint_text

    def lint_text(path, text, *args, **kwargs):
        slow = re.search(r"KERASLINT_TEST_SLOW (\\d+)", text)
        if slow:
            deadline = time.monotonic() + int(slow.group(1))
            while time.monotonic() < deadline:
                sum(range(1000))
        return real_lint_text(path, text, *args, **kwargs)

    checker.lint_text = lint_text

    # The same marker with "ANALYSIS" (KERASLINT_TEST_SLOW_ANALYSIS N): the
    # extraction is slow, on the thread the checker analyses on.
    from keraslint.model import extract as extract_module

    real_extract = extract_module.extract

    def extract(*args, **kwargs):
        for text in args:
            slow = isinstance(text, str) and re.search(r"KERASLINT_TEST_SLOW_ANALYSIS (\\d+)", text)
            if slow:
                deadline = time.monotonic() + int(slow.group(1))
                while time.monotonic() < deadline:
                    sum(range(1000))
        return real_extract(*args, **kwargs)

    extract_module.extract = extract
    from keraslint.server import main
    sys.exit(main(sys.argv[1:]))
    """
)


def uri_of(name: str) -> str:
    return f"file:///project/{name}"


def frame(message: Any) -> bytes:
    body = message if isinstance(message, bytes) else json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Session:
    """A bare JSON-RPC client over a server process's stdio."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.messages: list[dict[str, Any]] = []  # all the server wrote, in order
        self.stderr = bytearray()
        self._pending: dict[Any, asyncio.Future[dict[str, Any]]] = {}
        self._ids = itertools.count(1)
        self._tasks = [asyncio.ensure_future(self._read_stdout()), asyncio.ensure_future(self._read_stderr())]

    @classmethod
    async def start(cls, script: str | None = None) -> Session:
        command = [sys.executable, "-c", script, "--stdio"] if script else SERVER_COMMAND
        pipe = asyncio.subprocess.PIPE
        process = await asyncio.create_subprocess_exec(*command, stdin=pipe, stdout=pipe, stderr=pipe)
        return cls(process)

    async def _read_stdout(self) -> None:
        stdout = self.process.stdout
        while True:
            length = None
            while True:
                line = await stdout.readline()
                if not line:
                    return
                if not line.strip():
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            message = json.loads(await stdout.readexactly(length))
            self.messages.append(message)
            if "method" not in message:
                future = self._pending.pop(message.get("id"), None)
                if future is not None and not future.done():
                    future.set_result(message)

    async def _read_stderr(self) -> None:
        while chunk := await self.process.stderr.read(1 << 16):
            self.stderr += chunk

    # -- sending

    def send(self, message: Any) -> None:
        """Any message (a dict, or bytes sent as a message's body)."""
        self.send_bytes(frame(message))

    def send_bytes(self, data: bytes) -> None:
        self.process.stdin.write(data)

    def request_id(self, method: str, params: Any = ABSENT) -> int:
        """Send a request; its id, for ``answer``."""
        msg_id = next(self._ids)
        self._pending[msg_id] = asyncio.get_running_loop().create_future()
        message: dict[str, Any] = {"jsonrpc": "2.0", "id": msg_id, "method": method}
        if params is not ABSENT:
            message["params"] = params
        self.send(message)
        return msg_id

    async def answer(self, msg_id: int, timeout: float = REPLY) -> dict[str, Any]:
        """The server's answer to request ``msg_id``, within ``timeout`` seconds."""
        for message in self.messages:
            if "method" not in message and message.get("id") == msg_id:
                return message
        try:
            return await asyncio.wait_for(asyncio.shield(self._pending[msg_id]), timeout)
        except asyncio.TimeoutError:
            raise AssertionError(f"request {msg_id} not answered within {timeout} s") from None

    async def request(self, method: str, params: Any = ABSENT, timeout: float = REPLY) -> dict[str, Any]:
        return await self.answer(self.request_id(method, params), timeout)

    def notify(self, method: str, params: Any = ABSENT) -> None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method}
        if params is not ABSENT:
            message["params"] = params
        self.send(message)

    async def initialize(self, process_id: int | None = None) -> dict[str, Any]:
        answer = await self.request("initialize", {"processId": process_id, "capabilities": {}}, timeout=STARTUP)
        self.notify("initialized", {})
        return answer

    def did_open(self, uri: str, text: str, version: int = 1) -> None:
        item = {"uri": uri, "languageId": "python", "version": version, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": item})

    def did_change(self, uri: str, text: str, version: int) -> None:
        params = {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}
        self.notify("textDocument/didChange", params)

    # -- what the server wrote

    def published(self, uri: str) -> list[dict[str, Any]]:
        """The params of every publishDiagnostics for ``uri``, in order."""
        return [m["params"] for m in self.messages if m.get("method") == PUBLISH and m["params"]["uri"] == uri]

    async def until(self, check: Callable[[], Any], timeout: float, what: str) -> Any:
        deadline = time.monotonic() + timeout
        while not (found := check()):
            if time.monotonic() > deadline:
                raise AssertionError(f"{what}: not within {timeout} s")
            await asyncio.sleep(0.02)
        return found

    async def publication(self, uri: str, version: int | None = None, timeout: float = STARTUP) -> dict[str, Any]:
        """The last diagnostics published for ``uri`` (for ``version``)."""

        def check() -> Any:
            found = [p for p in self.published(uri) if version is None or p.get("version") == version]
            return found[-1] if found else None

        return await self.until(check, timeout, f"diagnostics for {uri} (version {version})")

    # -- the end

    async def exit(self, timeout: float = REPLY) -> int:
        """``shutdown`` then ``exit``; the exit status."""
        assert (await self.request("shutdown"))["result"] is None
        self.notify("exit")
        return await self.returncode(timeout)

    async def returncode(self, timeout: float = REPLY) -> int:
        try:
            return await asyncio.wait_for(self.process.wait(), timeout)
        except asyncio.TimeoutError:
            raise AssertionError(f"the server did not exit within {timeout} s") from None

    async def close(self) -> None:
        if self.process.returncode is None:
            self.process.kill()
            await self.process.wait()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


@pytest_asyncio.fixture
async def session():
    # The editor's process id, as editors give it: this one, alive. (A
    # session that lasts more than PARENT_POLL seconds, and ends with status
    # 0, shows a living editor keeps the server.)
    session = await Session.start()
    await session.initialize(process_id=os.getpid())
    yield session
    await session.close()


@pytest_asyncio.fixture
async def slow_session():
    session = await Session.start(SLOW_SERVER)
    await session.initialize(process_id=os.getpid())
    yield session
    await session.close()


def code_action_params(uri: str, line: int = 0, character: int = 0) -> dict[str, Any]:
    position = {"line": line, "character": character}
    return {
        "textDocument": {"uri": uri},
        "range": {"start": position, "end": position},
        "context": {"diagnostics": []},
    }


def codes(params: dict[str, Any]) -> list[str]:
    return [diagnostic["code"] for diagnostic in params["diagnostics"]]


def assert_no_traceback(session: Session) -> None:
    stderr = session.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr[-3000:]
    assert "Fatal Python error" not in stderr, stderr[-3000:]


# -- C13: every request is answered ------------------------------------------


@pytest.mark.asyncio
async def test_a_request_whose_params_do_not_validate_gets_invalid_params(session: Session):
    invalid = [
        {"bogus": 1},
        None,
        ABSENT,
        # A line of 2**31: over LSP's uinteger.
        {
            "textDocument": {"uri": uri_of("a.py")},
            "range": {"start": {"line": 2**31, "character": 0}, "end": {"line": 2**31, "character": 0}},
            "context": {"diagnostics": []},
        },
        {"textDocument": {"uri": 7}, "range": [], "context": None},
    ]
    for params in invalid:
        # The old server dropped each: the client waited forever.
        answer = await session.request("textDocument/codeAction", params)
        assert answer["error"]["code"] == INVALID_PARAMS, params
        assert "textDocument/codeAction" in answer["error"]["message"]
        assert "result" not in answer
    # And the server goes on answering.
    uri = uri_of("after_invalid.py")
    session.did_open(uri, BUGGY)
    assert codes(await session.publication(uri)) == ["KL101"]
    assert (await session.request("textDocument/codeAction", code_action_params(uri)))["result"] == []
    assert await session.exit() == 0
    assert_no_traceback(session)


@pytest.mark.asyncio
async def test_messages_that_are_not_requests_get_the_json_rpc_error(session: Session):
    session.send(b"{not json")
    session.send(b"\xff\xfe")  # not UTF-8
    session.send(b"[" * 100_000)  # nested too deeply to parse
    session.send([1, 2])  # a batch: LSP has none
    session.send({"jsonrpc": "2.0", "id": [1], "method": "shutdown"})  # an id must be a number or a string
    session.send({"jsonrpc": "1.0", "id": 99, "method": "shutdown"})

    def errors() -> list[dict[str, Any]]:
        return [m for m in session.messages if "error" in m]

    await session.until(lambda: len(errors()) >= 6, REPLY, "six error answers")
    assert [e["error"]["code"] for e in errors()] == [PARSE_ERROR] * 3 + [INVALID_REQUEST] * 3
    assert [e["id"] for e in errors()] == [None] * 5 + [99]
    hover = {"textDocument": {"uri": uri_of("x.py")}, "position": {"line": 0, "character": 0}}
    unknown = await session.request("textDocument/hover", hover)
    assert unknown["error"]["code"] == METHOD_NOT_FOUND
    assert await session.exit() == 0
    assert_no_traceback(session)


@pytest.mark.asyncio
async def test_framing_that_crashed_pygls_is_read_past():
    session = await Session.start()
    try:
        await session.initialize()
        # A Content-Length of 5,000 digits (int() refuses it): not a message.
        session.send_bytes(b"Content-Length: " + b"9" * 5000 + b"\r\n\r\n")
        # Headers in any case, unknown headers, a stray blank line.
        session.send_bytes(b"\r\nX-Extra: 1\r\ncontent-length: 2\r\n\r\n{}")
        answer = await session.request("textDocument/codeAction", {"bogus": 1})
        assert answer["error"]["code"] == INVALID_PARAMS
        assert [m["error"]["code"] for m in session.messages if "error" in m] == [INVALID_REQUEST, INVALID_PARAMS]
        # A terabyte announced, then the end of the input: the server ends
        # (without `shutdown`: status 1) and allocates nothing of the kind.
        session.send_bytes(b"Content-Length: 1000000000000\r\n\r\n{}")
        session.process.stdin.close()
        assert await session.returncode() == 1
        assert_no_traceback(session)
    finally:
        await session.close()


# -- the lifecycle -------------------------------------------------------------


@pytest.mark.asyncio
async def test_requests_out_of_lifecycle_order_get_errors():
    session = await Session.start()
    try:
        before = await session.request("textDocument/codeAction", code_action_params(uri_of("a.py")), timeout=STARTUP)
        assert before["error"]["code"] == SERVER_NOT_INITIALIZED
        session.did_open(uri_of("early.py"), BUGGY)  # a notification before initialize: ignored
        await session.initialize()
        again = await session.request("initialize", {"processId": None, "capabilities": {}})
        assert again["error"]["code"] == INVALID_REQUEST
        assert not session.published(uri_of("early.py"))
        assert (await session.request("shutdown"))["result"] is None
        after = await session.request("textDocument/codeAction", code_action_params(uri_of("a.py")))
        assert after["error"]["code"] == INVALID_REQUEST
        assert (await session.request("shutdown"))["error"]["code"] == INVALID_REQUEST
        session.notify("exit")
        assert await session.returncode() == 0
        assert_no_traceback(session)
    finally:
        await session.close()


@pytest.mark.asyncio
async def test_exit_without_shutdown_is_status_1(session: Session):
    session.notify("exit")
    assert await session.returncode() == 1


@pytest.mark.asyncio
async def test_the_server_exits_when_the_editor_process_is_gone():
    editor = await asyncio.create_subprocess_exec(sys.executable, "-c", "pass")
    await editor.wait()  # ended and reaped: its pid names no process
    session = await Session.start()
    try:
        await session.initialize(process_id=editor.pid)
        # It polls every few seconds.
        assert await session.returncode(timeout=20) == 1
        assert_no_traceback(session)
    finally:
        await session.close()


# -- C9: no document is read from disk -----------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.asyncio
async def test_a_fifo_that_was_never_opened_does_not_block_the_server(session: Session, tmp_path: Path):
    fifo = tmp_path / "f.py"
    os.mkfifo(fifo)
    base = uri_of("base.py")
    session.did_open(base, BUGGY)
    assert codes(await session.publication(base)) == ["KL101"]
    # The old server opened the FIFO to read it and waited for a writer forever.
    assert (await session.request("textDocument/codeAction", code_action_params(fifo.as_uri())))["result"] == []
    session.notify("textDocument/didSave", {"textDocument": {"uri": fifo.as_uri()}})
    answer = await session.request("textDocument/codeAction", code_action_params(base, 3, 40))
    assert "result" in answer
    assert await session.exit() == 0


@pytest.mark.asyncio
async def test_an_unopened_file_on_disk_is_not_read(session: Session, tmp_path: Path):
    path = tmp_path / "on_disk.py"
    path.write_text(BUGGY.replace("binary_crossentropy", "binary_crossentrop"), encoding="utf-8")
    answer = await session.request("textDocument/codeAction", code_action_params(path.as_uri(), 5, 40))
    assert answer["result"] == []  # offered only for what the editor opened
    assert not session.published(path.as_uri())


# -- C1: one slow document does not hold up the server --------------------------


@pytest.mark.asyncio
async def test_a_code_action_while_typing_is_answered_from_the_last_lint(slow_session: Session):
    """Typing below the finding: its line is the same, so its fix is offered
    at once from the last lint (the new text's lint takes a minute here)."""
    session = slow_session
    uri = uri_of("typing.py")
    session.did_open(uri, BUGGY)
    assert codes(await session.publication(uri, timeout=REPLY)) == ["KL101"]
    session.did_change(uri, BUGGY + "# KERASLINT_TEST_SLOW 60\n", 2)
    column = BUGGY.splitlines()[3].index("softmax")
    answer = await session.request("textDocument/codeAction", code_action_params(uri, 3, column))
    (action,) = answer["result"]
    assert action["kind"] == "quickfix" and action["diagnostics"][0]["code"] == "KL101"
    # A line inserted above moves the finding: nothing is offered until it is linted again.
    session.did_change(uri, "\n" + BUGGY + "# KERASLINT_TEST_SLOW 60\n", 3)
    answer = await session.request("textDocument/codeAction", code_action_params(uri, 4, column))
    assert answer["result"] == []
    assert [params.get("version") for params in session.published(uri)] == [1]


@pytest.mark.asyncio
async def test_a_slow_document_does_not_hold_up_other_requests(slow_session: Session):
    session = slow_session
    slow = uri_of("slow.py")
    started = time.monotonic()
    session.did_open(slow, BUGGY + "# KERASLINT_TEST_SLOW 60\n")
    # Typing in it: each change is as slow.
    for version in range(2, 5):
        session.did_change(slow, BUGGY + f"# KERASLINT_TEST_SLOW 60 {version}\n", version)
    other = uri_of("other.py")
    session.did_open(other, BUGGY)
    assert codes(await session.publication(other, timeout=REPLY)) == ["KL101"]
    column = BUGGY.splitlines()[3].index("softmax")
    answer = await session.request("textDocument/codeAction", code_action_params(other, 3, column))
    assert "result" in answer
    hover = await session.request(
        "textDocument/hover", {"textDocument": {"uri": other}, "position": {"line": 0, "character": 0}}
    )
    assert hover["error"]["code"] == METHOD_NOT_FOUND
    # A code action on the slow document itself is answered too, at once
    # (with nothing to offer yet: it never waits for a lint).
    assert (await session.request("textDocument/codeAction", code_action_params(slow)))["result"] == []
    assert not session.published(slow)
    assert time.monotonic() - started < 30  # the old server: 60 s per version before any answer
    # `exit` ends the server at once, though a lint is still running.
    assert await session.exit() == 0
    assert_no_traceback(session)


@pytest.mark.asyncio
async def test_a_slow_analysis_does_not_delay_other_documents(slow_session: Session):
    """As the test above, the slowness in the analysis itself (the
    extraction), where a pathological file spends its time."""
    session = slow_session
    slow = uri_of("slow_analysis.py")
    session.did_open(slow, BUGGY + "# KERASLINT_TEST_SLOW_ANALYSIS 60\n")
    await asyncio.sleep(0.5)  # its analysis has begun
    other = uri_of("other_analysis.py")
    session.did_open(other, BUGGY)
    assert codes(await session.publication(other, timeout=REPLY)) == ["KL101"]
    assert await session.exit() == 0


@pytest.mark.asyncio
async def test_diagnostics_of_an_older_version_are_never_published(slow_session: Session):
    session = slow_session
    uri = uri_of("versions.py")
    session.did_open(uri, BUGGY + "# KERASLINT_TEST_SLOW 2\n")  # version 1: KL101, in 2 s
    session.did_change(uri, CLEAN, 2)  # at once: nothing to report
    published = await session.publication(uri, version=2, timeout=STARTUP)
    assert published["diagnostics"] == []
    await asyncio.sleep(0.5)
    # The lint of version 1 finished after version 2 arrived: dropped.
    assert [p["version"] for p in session.published(uri)] == [2]


@pytest.mark.asyncio
async def test_a_burst_of_changes_is_linted_for_the_last_version(session: Session):
    uri = uri_of("burst.py")
    session.did_open(uri, CLEAN)
    await session.publication(uri, version=1)
    last = 301
    for version in range(2, last + 1):
        session.did_change(uri, BUGGY if version % 2 else CLEAN, version)
    published = await session.publication(uri, version=last)
    assert codes(published) == ["KL101"]  # 301 is odd: BUGGY, as the command line finds it
    assert codes(published) == [d.code for d in lint_text("burst.py", BUGGY).diagnostics]
    # Debounced: not one lint (and publication) per change. The old server published 301.
    assert len(session.published(uri)) < 30
    assert await session.exit() == 0


# -- C12: a notebook of 10,000 cells -----------------------------------------------


@pytest.mark.asyncio
async def test_a_keystroke_in_a_big_notebook_publishes_only_what_changed(session: Session):
    notebook = "file:///project/big.ipynb"
    cells = [f"x{n} = {n}" for n in range(10_000)]
    cells[0] = "import keras"
    cells[1] = 'model = keras.Sequential([keras.layers.Dense(1, activation="softmax")])'
    cells[2] = 'model.compile(optimizer="adam", loss="binary_crossentropy")'
    cell_uris = [f"vscode-notebook-cell:/project/big.ipynb#C{n}" for n in range(len(cells))]
    session.notify(
        "notebookDocument/didOpen",
        {
            "notebookDocument": {
                "uri": notebook,
                "notebookType": "jupyter-notebook",
                "version": 1,
                "cells": [{"kind": 2, "document": uri} for uri in cell_uris],
            },
            "cellTextDocuments": [
                {"uri": uri, "languageId": "python", "version": 1, "text": text} for uri, text in zip(cell_uris, cells)
            ],
        },
    )
    opened = await session.publication(cell_uris[1], timeout=60)
    assert codes(opened) == ["KL101"]
    # Only the cell with a finding was published: the others have none to show.
    assert len([m for m in session.messages if m.get("method") == PUBLISH]) == 1

    def edit(cell: int, text: str, version: int) -> None:
        change = {"document": {"uri": cell_uris[cell], "version": version}, "changes": [{"text": text}]}
        session.notify(
            "notebookDocument/didChange",
            {
                "notebookDocument": {"uri": notebook, "version": version},
                "change": {"cells": {"textContent": [change]}},
            },
        )

    # Twenty keystrokes in a cell far from the finding, then one that fixes it.
    for version in range(2, 22):
        edit(5000, f"x5000 = {'1' * version}", version)
        await asyncio.sleep(0.01)
    edit(1, cells[1].replace('"softmax"', '"sigmoid"'), 22)
    cleared = await session.publication(cell_uris[1], timeout=60)
    await session.until(lambda: session.published(cell_uris[1])[-1]["diagnostics"] == [], 60, "the fix")
    publications = [m for m in session.messages if m.get("method") == PUBLISH]
    # The old server published all 10,000 cells at every change.
    assert [p["params"]["uri"] for p in publications] == [cell_uris[1], cell_uris[1]], len(publications)
    assert cleared is not None
    assert await session.exit() == 0


NOTEBOOK_CELLS = [
    "import keras",
    'model = keras.Sequential([keras.layers.Dense(1, activation="softmax")])',
    'model.compile(optimizer="adam", loss="binary_crossentropy")',
    'model.compile(loss="binary_crossentrop")',
    "x = 1",
    "%matplotlib inline",
    "def f(:\n  pass",
    "  y = 2",
    "",
]


def open_notebook(session: Session, uri: str, texts: list[str], tag: str) -> list[str]:
    """Open a notebook of code cells; their URIs."""
    cells = [f"vscode-notebook-cell:{uri.removeprefix('file://')}#{tag}{n}" for n in range(len(texts))]
    session.notify(
        "notebookDocument/didOpen",
        {
            "notebookDocument": {
                "uri": uri,
                "notebookType": "jupyter-notebook",
                "version": 1,
                "cells": [{"kind": 2, "document": cell} for cell in cells],
            },
            "cellTextDocuments": [
                {"uri": cell, "languageId": "python", "version": 1, "text": text} for cell, text in zip(cells, texts)
            ],
        },
    )
    return cells


@pytest.mark.asyncio
async def test_fuzzed_notebook_edits_leave_each_cell_showing_what_a_fresh_open_shows(session: Session):
    """Cells inserted, deleted and edited at random, in bursts: then each
    cell shows (from the publications that changed it) what the same cells
    show when opened afresh, and no deleted cell keeps a diagnostic."""
    rng = random.Random(int(os.environ.get("KERASLINT_FUZZ_SEED", "1234")))
    notebook = "file:///project/edited.ipynb"
    texts = [rng.choice(NOTEBOOK_CELLS) for _ in range(6)]
    cells = open_notebook(session, notebook, texts, "C")
    names = itertools.count(100)
    for version in range(2, 250):
        operation = rng.randrange(4)
        if operation == 0 or not cells:
            at, cell, text = (
                rng.randrange(len(cells) + 1),
                f"vscode-notebook-cell:/project/edited.ipynb#C{next(names)}",
                rng.choice(NOTEBOOK_CELLS),
            )
            change = {
                "structure": {
                    "array": {"start": at, "deleteCount": 0, "cells": [{"kind": 2, "document": cell}]},
                    "didOpen": [{"uri": cell, "languageId": "python", "version": 1, "text": text}],
                }
            }
            cells.insert(at, cell)
            texts.insert(at, text)
        elif operation == 1:
            at = rng.randrange(len(cells))
            change = {"structure": {"array": {"start": at, "deleteCount": 1}, "didClose": [{"uri": cells[at]}]}}
            del cells[at], texts[at]
        else:
            at, text = rng.randrange(len(cells)), rng.choice(NOTEBOOK_CELLS)
            change = {
                "textContent": [{"document": {"uri": cells[at], "version": version}, "changes": [{"text": text}]}]
            }
            texts[at] = text
        params = {"notebookDocument": {"uri": notebook, "version": version}, "change": {"cells": change}}
        session.notify("notebookDocument/didChange", params)
        if rng.random() < 0.1:
            await asyncio.sleep(rng.choice([0.01, 0.3]))

    def shown(cell: str) -> list[tuple[str, Any]]:
        published = session.published(cell)
        return [(d["code"], d["range"]) for d in published[-1]["diagnostics"]] if published else []

    fresh = open_notebook(session, "file:///project/fresh.ipynb", texts, "F")
    # A code action waits for the lint of its cell's current text: both
    # notebooks' last lints are done (and published) once these are answered.
    for cell in cells[:1] + fresh[:1]:
        assert "result" in await session.request("textDocument/codeAction", code_action_params(cell))
    await session.until(
        lambda: [shown(cell) for cell in cells] == [shown(cell) for cell in fresh],
        STARTUP,
        "the edited notebook showing what the fresh one shows",
    )
    gone = {m["params"]["uri"] for m in session.messages if m.get("method") == PUBLISH} - set(cells) - set(fresh)
    assert [cell for cell in gone if shown(cell)] == []
    assert await session.exit() == 0
    assert_no_traceback(session)


# -- fuzz: never crash, never hang, answer every request ----------------------------

TEXTS = [
    BUGGY,
    CLEAN,
    "",
    "import keras\n" + "(" * 200,
    "import keras\nm.compile(loss='\\ud800')\n",
    "x = '🚀'\r\n\x0c\r" * 50,
    "import keras\n" + "s = set()\ns.add(1)\n" * 30,
]


def fuzz_value(rng: random.Random, depth: int = 0) -> Any:
    choice = rng.randrange(9 if depth < 3 else 6)
    if choice == 0:
        return None
    if choice == 1:
        return rng.choice([0, -1, 1, 2**31, 2**53, -(2**63), 10**30, 3.5])
    if choice == 2:
        return rng.choice(["", "file:///project/a.py", "x" * 10_000, "\ud800", "file://%zz", "quickfix"])
    if choice == 3:
        return rng.choice([True, False])
    if choice == 4:
        return {"line": rng.choice([0, 1, 2**31 - 1]), "character": rng.choice([0, 5, 2**31 - 1])}
    if choice == 5:
        return rng.choice([[], {}, "source.fixAll"])
    if choice == 6:
        return [fuzz_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    keys = ["textDocument", "range", "context", "uri", "start", "end", "only", "diagnostics", "text", "version"]
    return {rng.choice(keys): fuzz_value(rng, depth + 1) for _ in range(rng.randrange(4))}


UNPARSEABLE = "file://[x.py"  # urllib: "Invalid IPv6 URL"


def mutate(rng: random.Random, text: str) -> str:
    if not text or len(text) > 10_000 or rng.random() < 0.3:
        return rng.choice(TEXTS)
    at = rng.randrange(len(text) + 1)
    return text[:at] + rng.choice(["", "(", ")", "\n", '"', "sigmoid", "softmax", "é", "\r", "\t"]) + text[at + 1 :]


@pytest.mark.asyncio
async def test_fuzzed_session_never_crashes_never_hangs_and_answers_every_request(session: Session):
    """500 random steps: opens, closes, saves, bursts of up to 300 edits,
    huge texts, code actions (valid, and with params that do not validate),
    any method with any params, broken messages, cancellations. Then every
    request has had its one answer, the server still runs, and each open
    document shows what the command line finds in its last text."""
    rng = random.Random(int(os.environ.get("KERASLINT_FUZZ_SEED", "1234")))
    documents = [uri_of(f"fuzz{n}.py") for n in range(4)] + ["untitled:Untitled-1", UNPARSEABLE]
    opened: dict[str, tuple[str, int]] = {}  # uri -> its text and version, as the server should have them
    requests: list[int] = []

    def open_(uri: str, text: str) -> None:
        version = opened[uri][1] + 1 if uri in opened else 1
        if uri != UNPARSEABLE:  # never open: its open is ignored (pygls cannot store it)
            opened[uri] = (text, version)
        session.did_open(uri, text, version)

    def change(uri: str, text: str) -> None:
        version = opened[uri][1] + 1 if uri in opened else 1
        if uri in opened:
            opened[uri] = (text, version)
        session.did_change(uri, text, version)  # to a closed document too: ignored

    for uri in documents:
        open_(uri, rng.choice(TEXTS))
    for _ in range(500):
        uri = rng.choice(documents)
        text = opened.get(uri, ("", 0))[0]
        kind = rng.randrange(11)
        if kind == 0:
            open_(uri, rng.choice(TEXTS))
        elif kind == 1:  # a burst of fast edits
            for _ in range(rng.choice([5, 20, 300])):
                text = mutate(rng, text)
                change(uri, text)
        elif kind == 2:  # up to 600 KB (past the size keraslint analyses)
            change(uri, "import keras\n" + "x = 1\n" * rng.choice([10, 100_000]))
        elif kind == 3:
            if rng.random() < 0.3:
                opened.pop(uri, None)
                session.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
            else:
                session.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        elif kind in (4, 5):
            line, character = rng.choice([(0, 0), (3, 40), (2**31 - 1, 2**31 - 1), (5, 0)])
            params = code_action_params(uri, line, character)
            params["context"]["only"] = rng.choice([None, ["quickfix"], ["source"], ["source.fixAll"], [""], ["x"]])
            requests.append(session.request_id("textDocument/codeAction", params))
        elif kind == 6:  # params that do not validate
            requests.append(session.request_id("textDocument/codeAction", fuzz_value(rng)))
        elif kind == 7:  # anything, to any method
            method = rng.choice(
                ["textDocument/hover", "workspace/symbol", "$/x", "", "initialize", "textDocument/codeAction"]
            )
            requests.append(session.request_id(method, fuzz_value(rng)))
        elif kind == 8:  # notifications with anything
            method = rng.choice(
                [
                    "textDocument/didOpen",
                    "textDocument/didChange",
                    "notebookDocument/didChange",
                    "$/cancelRequest",
                    "$/x",
                ]
            )
            session.notify(method, fuzz_value(rng))
        elif kind == 9:  # broken messages
            session.send(rng.choice([b"", b"{", b"null", b"[]", b'{"jsonrpc": "2.0"}', b'{"id": 1}', b"\xff" * 10]))
        else:
            session.notify("$/cancelRequest", {"id": rng.choice(requests or [0])})
        if rng.random() < 0.05:
            await session.process.stdin.drain()
            await asyncio.sleep(rng.choice([0, 0.01, 0.2]))
    await session.process.stdin.drain()

    # Every request answered (a result or an error, a cancelled one included).
    assert len(requests) > 150
    for msg_id in requests:
        answer = await session.answer(msg_id, timeout=STARTUP)
        assert ("result" in answer) != ("error" in answer), answer
    assert session.process.returncode is None
    # Each open document: the findings of its last version, as on the command line.
    for uri, (text, version) in opened.items():
        published = await session.publication(uri, version=version)
        path = uri.removeprefix("file://")
        assert codes(published) == [d.code for d in lint_text(path, text).diagnostics], (uri, text[:200])
        assert session.published(uri)[-1]["version"] == version
    assert all(p["diagnostics"] == [] for p in session.published(UNPARSEABLE))  # closes only
    assert await session.exit() == 0
    assert_no_traceback(session)


def test_the_message_reader_reads_past_what_it_cannot_use(monkeypatch: pytest.MonkeyPatch):
    import io

    from keraslint import server

    monkeypatch.setattr(server, "MAX_MESSAGE", 100)
    stream = io.BytesIO(
        b"X-Long: "
        + b"x" * 20_000
        + b"\r\n"  # an overlong header line
        + frame({"n": 1})
        + b"Content-Length: 101\r\n\r\n"
        + b"y" * 101  # over the limit: read past
        + frame({"n": 2})
        + b"Content-Length: 0\r\n\r\n"
        + b"Content-Length: 50\r\n\r\n{"  # the input ends inside it
    )
    reader = server._MessageReader(stream)
    assert json.loads(reader.read()) == {"n": 1}
    assert json.loads(reader.read()) == {"n": 2}
    assert reader.read() == b""
    assert reader.read() is None
