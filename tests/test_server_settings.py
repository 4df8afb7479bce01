"""``keraslint server``'s settings as ruff's server takes them, with a real
LSP client (pytest-lsp): pulled with ``workspace/configuration`` (the
``keraslint`` section) from a client that answers it, and combined with the
project's ``[tool.keraslint]`` as ``configurationPreference`` says."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from helpers import BUGGY

pytest.importorskip("pygls.lsp.server")
pytest_lsp = pytest.importorskip("pytest_lsp", minversion="1.0")

from lsprotocol import types as lsp  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")

SERVER_COMMAND = [sys.executable, "-m", "keraslint", "server"]
TIMEOUT = 30
# KL101 (1-unit softmax) and KL301 (a loss Keras does not know).
TWO_FINDINGS = BUGGY + 'model.compile(optimizer="adam", loss="categorical_cross_entropy")\n'


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER_COMMAND))
async def client(lsp_client: LanguageClient):
    """VS Code's capabilities (``workspace.configuration``), a ``keraslint``
    section set in the client before the server starts."""
    lsp_client.set_configuration({"lint": {"ignore": ["KL301"]}}, section="keraslint")
    capabilities = client_capabilities("visual-studio-code")
    assert capabilities.workspace.configuration
    await lsp_client.initialize_session(lsp.InitializeParams(capabilities=capabilities))
    yield
    await lsp_client.shutdown_session()


async def settled(client: LanguageClient, uri: str, codes: list[str]) -> None:
    for _ in range(TIMEOUT * 20):
        if sorted(d.code for d in client.diagnostics.get(uri, [])) == codes:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"never {codes}: {[d.code for d in client.diagnostics.get(uri, [])]}")


def open_document(client: LanguageClient, path: Path, text: str) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)
        )
    )
    return uri


def pull_again(client: LanguageClient, section: dict) -> None:
    """The editor's settings changed: VS Code sends null and is asked."""
    client.set_configuration(section, section="keraslint")
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=None))


async def test_the_keraslint_section_is_pulled_at_start_and_on_change(client: LanguageClient, tmp_path: Path):
    uri = open_document(client, tmp_path / "pulled.py", TWO_FINDINGS)
    await settled(client, uri, ["KL101"])  # the section set before start: KL301 ignored
    pull_again(client, {"lint": {"ignore": ["KL101"]}})
    await settled(client, uri, ["KL301"])
    pull_again(client, {})
    await settled(client, uri, ["KL101", "KL301"])


@pytest.mark.parametrize(
    ("preference", "codes"),
    [
        # The project selects KL3 and ignores KL101; the editor ignores KL301.
        ("editorFirst", []),  # KL3 selected (the project), KL301 ignored (the editor)
        ("filesystemFirst", ["KL301"]),  # the project's ignore wins over the editor's
        ("editorOnly", ["KL101"]),  # the project's file is not read
    ],
)
async def test_configuration_preference(client: LanguageClient, tmp_path: Path, preference: str, codes: list[str]):
    (tmp_path / "pyproject.toml").write_text('[tool.keraslint]\nselect = ["KL3"]\nignore = ["KL101"]\n')
    uri = open_document(client, tmp_path / f"{preference}.py", TWO_FINDINGS)
    pull_again(client, {"configurationPreference": "editorOnly"})  # a known state, then the case
    await settled(client, uri, ["KL101", "KL301"])
    pull_again(client, {"lint": {"ignore": ["KL301"]}, "configurationPreference": preference})
    await settled(client, uri, codes)
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri)))


async def test_filesystem_first_still_takes_what_the_project_leaves_unset(client: LanguageClient, tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.keraslint]\nselect = ["KL1", "KL3"]\n')
    uri = open_document(client, tmp_path / "fill.py", TWO_FINDINGS)
    pull_again(client, {"lint": {"ignore": ["KL301"], "select": ["KL3"]}, "configurationPreference": "filesystemFirst"})
    await settled(client, uri, ["KL101"])  # the project's select, the editor's ignore


# tf.keras code: a Keras-2-only loss at line 3 (KL303 under Keras 3).
KERAS2_LOSS = """\
import tensorflow as tf
model = tf.keras.Sequential([tf.keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="kullback_leibler_divergence")
"""


async def test_keras_version_from_the_project_and_from_the_editor(client: LanguageClient, tmp_path: Path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "requirements.txt").write_text("tensorflow==2.15.0\n")
    uri = open_document(client, tmp_path / "versions.py", KERAS2_LOSS)
    pull_again(client, {})
    await settled(client, uri, [])  # Keras 2: the name is valid there
    pull_again(client, {"kerasVersion": "3"})
    await settled(client, uri, ["KL303"])
    pull_again(client, {})
    await settled(client, uri, [])
    # The user moves the project to Keras 3: the server reads the file again.
    (tmp_path / "requirements.txt").write_text("keras>=3\n")
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=KERAS2_LOSS + "\n")],
        )
    )
    await settled(client, uri, ["KL303"])
