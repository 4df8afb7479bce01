"""``keraslint server`` keeps no memory per edit: a real LSP client (pytest-lsp)
types into a document, saves it, asks for code actions and opens and closes
another, and the server's live objects are counted after 200 edits and again
after 800 more. The server is the real one, run by a script that adds one
command answering the count (``gc.get_objects()`` after ``gc.collect()``)."""

from __future__ import annotations

import asyncio
import sys
import textwrap

import pytest

from helpers import BUGGY, CLEAN

pytest.importorskip("pygls.lsp.server")
pytest_lsp = pytest.importorskip("pytest_lsp", minversion="1.0")

from lsprotocol import types as lsp  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")

COUNT = "keraslint.test.countObjects"
COUNTING_SERVER = textwrap.dedent(
    f"""
    import concurrent.futures, gc, sys
    from keraslint import server as module

    real_create_server = module.create_server

    def create_server():
        server = real_create_server()

        @server.command({COUNT!r})
        def count(*_):
            gc.collect()
            live = gc.get_objects()
            futures = sum(isinstance(o, concurrent.futures.Future) for o in live)
            return {{"objects": len(live), "futures": futures}}

        return server

    module.create_server = create_server
    sys.exit(module.main(sys.argv[1:]))
    """
)
TIMEOUT = 60  # seconds
URI = "file:///project/typing.py"
OTHER = "file:///project/other.py"
ACTIVATION = '"softmax"'


@pytest_lsp.fixture(
    scope="module", config=ClientServerConfig(server_command=[sys.executable, "-c", COUNTING_SERVER, "--stdio"])
)
async def client(lsp_client: LanguageClient):
    capabilities = client_capabilities("visual-studio-code")
    await lsp_client.initialize_session(lsp.InitializeParams(capabilities=capabilities))
    yield
    await lsp_client.shutdown_session()


class Typist:
    """Types at the end of the document's last line, one character an edit,
    as a user writes a comment; each round ends by switching the output's
    activation, so that its diagnostics tell when the round's last text
    has been linted."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.text = BUGGY + "# "
        self.version = 1
        client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                text_document=lsp.TextDocumentItem(uri=URI, language_id="python", version=1, text=self.text)
            )
        )

    def change(self, start: int, end: int, new: str) -> None:
        def position(offset: int) -> lsp.Position:
            before = self.text[:offset]
            return lsp.Position(line=before.count("\n"), character=offset - before.rfind("\n") - 1)

        change = lsp.TextDocumentContentChangePartial(
            range=lsp.Range(start=position(start), end=position(end)), text=new
        )
        self.text = self.text[:start] + new + self.text[end:]
        self.version += 1
        self.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=URI, version=self.version),
                content_changes=[change],
            )
        )

    async def round(self, edits: int, activation: str) -> None:
        for number in range(1, edits):
            self.change(len(self.text), len(self.text), "x")
            if number % 10 == 0:
                self.client.text_document_did_save(
                    lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=URI))
                )
                await self.client.text_document_code_action_async(
                    lsp.CodeActionParams(
                        text_document=lsp.TextDocumentIdentifier(uri=URI),
                        range=lsp.Range(start=lsp.Position(3, 0), end=lsp.Position(3, 0)),
                        context=lsp.CodeActionContext(diagnostics=[]),
                    )
                )
            if number % 50 == 0 and number + 50 < edits:
                self.client.text_document_did_open(
                    lsp.DidOpenTextDocumentParams(
                        text_document=lsp.TextDocumentItem(uri=OTHER, language_id="python", version=1, text=CLEAN)
                    )
                )
                self.client.text_document_did_close(
                    lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=OTHER))
                )
        start = self.text.index("Dense(1, activation=") + len("Dense(1, activation=")
        end = self.text.index('"', start + 1) + 1
        self.change(start, end, activation)
        wanted = activation == ACTIVATION  # a 1-unit softmax: one finding
        for _ in range(TIMEOUT * 20):
            if bool(self.client.diagnostics.get(URI)) == wanted:
                return
            await asyncio.sleep(0.05)
        raise AssertionError(f"the last text of the round was never linted: {self.client.diagnostics.get(URI)}")

    async def count(self) -> dict[str, int]:
        return await self.client.workspace_execute_command_async(lsp.ExecuteCommandParams(command=COUNT))


async def test_edits_leave_nothing_behind_in_the_server(client: LanguageClient):
    typist = Typist(client)
    await typist.round(200, '"sigmoid"')
    before = await typist.count()
    await typist.round(800, ACTIVATION)
    after = await typist.count()
    # pygls kept the Future of every notification: these 800 edits (with
    # their saves, opens and closes) left 9,965 more objects, 828 of them
    # futures; now 28.
    assert after["futures"] - before["futures"] <= 5, (before, after)
    assert after["objects"] - before["objects"] < 400, (before, after)
