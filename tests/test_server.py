"""``keraslint server`` as an editor drives it: a real LSP client (pytest-lsp)
talking to the server in a subprocess over stdio. Nothing is mocked; one
server (``patched_client``) has ``keraslint.checker.lint_text`` wrapped, to
make linting fail on demand and to give a diagnostic a fix before any rule
provides one."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import sys
import textwrap
from importlib.metadata import distribution
from pathlib import Path, PurePosixPath

import pytest

from helpers import BUGGY, CLEAN

# The server needs pygls 2; these tests, pytest-lsp 1 (Python 3.10+).
pytest.importorskip("pygls.lsp.server")
pytest_lsp = pytest.importorskip("pytest_lsp", minversion="1.0")

from lsprotocol import types as lsp  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from keraslint import __version__  # noqa: E402
from keraslint.checker import lint_text  # noqa: E402
from keraslint.folding import fold  # noqa: E402

# Every test and fixture here shares one event loop per module, so that the
# servers (module-scoped fixtures) are started once.
pytestmark = pytest.mark.asyncio(loop_scope="module")

SERVER_COMMAND = [sys.executable, "-m", "keraslint", "server"]
DOCS = Path(__file__).resolve().parent.parent / "docs" / "editors.md"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PUBLISH = lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
TIMEOUT = 30  # seconds: the first lint imports LibCST
ROOT = PurePosixPath("/project")

# A non-BMP character (2 UTF-16 code units, 4 UTF-8 bytes, 1 code point)
# before the flagged expression, on its line.
EMOJI = """\
import keras
model = keras.Sequential([keras.layers.Dense(1, name="🚀 out", activation="softmax")])
model.compile(optimizer="adam", loss="binary_crossentropy")
"""
LOSS_TYPO = """\
import keras
model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_cross_entropy")
"""
ACTIVATION_TYPO = """\
import keras
model = keras.Sequential([keras.layers.Dense(1, name="🚀", activation="sigmod")])
model.compile(optimizer="adam", loss="binary_crossentropy")
"""
SYNTAX_ERROR = """\
import keras
model = keras.Sequential(
"""

# Run by ``patched_client``'s server: the real server, with lint_text
# failing on a marker, KL301/KL302 given a fix from their hint ("did you mean
# `sigmoid`?") if their rule has none, and every fix made unsafe on another.
PATCHED_SERVER = textwrap.dedent(
    """
    import dataclasses, re, sys
    from keraslint import checker
    from keraslint.diagnostics import Replacement

    real_lint_text = checker.lint_text

    def with_fix(diagnostic):
        if diagnostic.code not in ("KL301", "KL302") or diagnostic.fix is not None:
            return diagnostic
        name = re.search(r"`([^`]+)`", diagnostic.hint).group(1)
        return dataclasses.replace(diagnostic, fix=Replacement(diagnostic.span, '"' + name + '"'))

    def unsafe(diagnostic):
        if diagnostic.fix is None:
            return diagnostic
        return dataclasses.replace(diagnostic, fix=dataclasses.replace(diagnostic.fix, safe=False))

    def lint_text(path, text, *args, **kwargs):
        if "KERASLINT_TEST_CRASH" in text:
            raise RuntimeError("injected failure")
        result = real_lint_text(path, text, *args, **kwargs)
        result.diagnostics = [with_fix(diagnostic) for diagnostic in result.diagnostics]
        if "KERASLINT_TEST_UNSAFE" in text:
            result.diagnostics = [unsafe(diagnostic) for diagnostic in result.diagnostics]
        return result

    checker.lint_text = lint_text
    from keraslint.server import main
    sys.exit(main(sys.argv[1:]))
    """
)


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER_COMMAND))
async def client(lsp_client: LanguageClient):
    """VS Code's capabilities: no position encoding offered (UTF-16), versioned
    edits, and (as vscode-languageclient 8+ declares) notebook sync."""
    capabilities = client_capabilities("visual-studio-code")
    if capabilities.notebook_document is None:
        capabilities.notebook_document = lsp.NotebookDocumentClientCapabilities(
            synchronization=lsp.NotebookDocumentSyncClientCapabilities()
        )
    lsp_client.initialize_result = await lsp_client.initialize_session(lsp.InitializeParams(capabilities=capabilities))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-c", PATCHED_SERVER, "--stdio"]),
)
async def patched_client(lsp_client: LanguageClient):
    """Neovim 0.11's capabilities: UTF-8 offered first, plain ``changes`` edits."""
    lsp_client.initialize_result = await lsp_client.initialize_session(
        lsp.InitializeParams(capabilities=client_capabilities("neovim@v0.11.0"))
    )
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER_COMMAND))
async def settings_client(lsp_client: LanguageClient):
    """Settings in ``initializationOptions``, as ruff's server takes them."""
    options = {"settings": {"lint": {"ignore": ["KL101"]}}}
    capabilities = client_capabilities("visual-studio-code")
    params = lsp.InitializeParams(capabilities=capabilities, initialization_options=options)
    lsp_client.initialize_result = await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


# -- helpers ---------------------------------------------------------------


def uri_of(name: str) -> str:
    return f"file://{ROOT / name}"


async def published(client: LanguageClient, uri: str, send) -> lsp.PublishDiagnosticsParams:
    """Call ``send()`` (which sends one notification) and return the
    diagnostics the server publishes in reply."""
    # Registered before sending, so a fast reply cannot be missed.
    future = client.protocol.wait_for_notification_async(PUBLISH)
    send()
    params = await asyncio.wait_for(future, TIMEOUT)
    assert params.uri == uri
    return params


def did_open(client: LanguageClient, uri: str, text: str, language_id: str = "python"):
    return lambda: client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=text)
        )
    )


def did_change(client: LanguageClient, uri: str, text: str, version: int):
    return lambda: client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def did_save(client: LanguageClient, uri: str):
    return lambda: client.text_document_did_save(
        lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )


def did_close(client: LanguageClient, uri: str):
    return lambda: client.text_document_did_close(
        lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )


def units(text: str, encoding: str) -> int:
    """Length of ``text`` in the code units of an LSP position encoding."""
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text.encode("utf-16-le")) // 2


def lsp_position(text: str, offset: int, encoding: str) -> lsp.Position:
    """The LSP position of a code-point offset into ``text`` (lines end with \\n here)."""
    before = text[:offset]
    line = before.count("\n")
    return lsp.Position(line=line, character=units(before[before.rfind("\n") + 1 :], encoding))


def offset_of(text: str, position: lsp.Position, encoding: str) -> int:
    """The code-point offset of an LSP position in ``text``."""
    start = sum(len(line) for line in text.splitlines(keepends=True)[: position.line])
    counted = 0
    for index, character in enumerate(text[start:]):
        if counted >= position.character:
            return start + index
        counted += units(character, encoding)
    return len(text)


def apply(text: str, edit: lsp.TextEdit, encoding: str) -> str:
    start, end = offset_of(text, edit.range.start, encoding), offset_of(text, edit.range.end, encoding)
    return text[:start] + edit.new_text + text[end:]


def expected_message(text: str, code: str) -> str:
    """What the command line would print for ``code`` in ``text``: message; hint."""
    (diagnostic,) = [d for d in lint_text("x.py", text).diagnostics if d.code == code]
    return f"{diagnostic.message}; {diagnostic.hint}" if diagnostic.hint else diagnostic.message


async def assert_still_linting(client: LanguageClient, uri: str, other_name: str) -> None:
    """After a failure on ``uri``: that document, changed to buggy code, and
    another document both get their KL101."""
    fixed = await published(client, uri, did_change(client, uri, BUGGY, version=2))
    assert [d.code for d in fixed.diagnostics] == ["KL101"]
    other = uri_of(other_name)
    after = await published(client, other, did_open(client, other, BUGGY))
    assert [d.code for d in after.diagnostics] == ["KL101"]


# -- the session -----------------------------------------------------------


async def test_initialize_names_the_server_and_its_capabilities(client: LanguageClient):
    result = client.initialize_result
    assert result.server_info.name == "keraslint"
    assert result.server_info.version == __version__
    capabilities = result.capabilities
    assert capabilities.position_encoding == lsp.PositionEncodingKind.Utf16
    assert capabilities.text_document_sync.open_close
    assert capabilities.text_document_sync.change == lsp.TextDocumentSyncKind.Incremental
    assert capabilities.text_document_sync.save
    assert list(capabilities.code_action_provider.code_action_kinds) == [
        lsp.CodeActionKind.QuickFix,
        "source.fixAll.keraslint",
    ]


async def test_open_buggy_document_publishes_kl101(client: LanguageClient):
    uri = uri_of("churn.py")
    params = await published(client, uri, did_open(client, uri, BUGGY))
    assert params.version == 1
    (diagnostic,) = params.diagnostics
    assert diagnostic.code == "KL101"
    assert diagnostic.source == "keraslint"
    assert diagnostic.severity == lsp.DiagnosticSeverity.Warning
    # `"softmax"` on line 4 (0-based 3), from its opening to its closing quote.
    column = BUGGY.splitlines()[3].index('"softmax"')
    assert diagnostic.range == lsp.Range(
        start=lsp.Position(line=3, character=column), end=lsp.Position(line=3, character=column + len('"softmax"'))
    )
    assert diagnostic.message == expected_message(BUGGY, "KL101")
    assert diagnostic.message.startswith("`softmax` over a single unit always outputs 1.0")
    assert diagnostic.message.endswith("; use `sigmoid` for a binary output, or one unit per class with `softmax`")
    assert diagnostic.code_description.href == "https://github.com/keraslint/keraslint/blob/main/docs/rules/KL101.md"


async def test_change_to_clean_text_empties_diagnostics_and_back(client: LanguageClient):
    uri = uri_of("change.py")
    opened = await published(client, uri, did_open(client, uri, BUGGY))
    assert [d.code for d in opened.diagnostics] == ["KL101"]
    cleaned = await published(client, uri, did_change(client, uri, CLEAN, version=2))
    assert list(cleaned.diagnostics) == []
    assert cleaned.version == 2
    broken_again = await published(client, uri, did_change(client, uri, BUGGY, version=3))
    assert [d.code for d in broken_again.diagnostics] == ["KL101"]
    assert broken_again.version == 3


async def test_save_publishes_the_current_text(client: LanguageClient):
    uri = uri_of("save.py")
    await published(client, uri, did_open(client, uri, CLEAN))
    changed = await published(client, uri, did_change(client, uri, BUGGY, version=2))
    saved = await published(client, uri, did_save(client, uri))
    assert [d.code for d in saved.diagnostics] == ["KL101"]
    assert saved.diagnostics == changed.diagnostics
    assert saved.version == 2


async def test_the_loss_is_related_information(client: LanguageClient):
    uri = uri_of("related.py")
    params = await published(client, uri, did_open(client, uri, BUGGY))
    (diagnostic,) = params.diagnostics
    (related,) = diagnostic.related_information
    # The rule's own label and span (the loss string, quotes included), not
    # what a reading of the message ("at line 6") would guess.
    assert related.message == "the loss `binary_crossentropy`"
    line = BUGGY.split("\n")[5]
    start = line.index('"binary_crossentropy"')
    assert related.location.uri == uri
    assert related.location.range == lsp.Range(
        start=lsp.Position(line=5, character=start), end=lsp.Position(line=5, character=start + 21)
    )


@pytest.mark.parametrize(
    "fixture",
    [
        "callsite_helper_compiles_fashion_cce_integer_labels.py",  # KL202: the labels' producer
        "cifar_to_categorical_import_sparse_class.py",  # KL201: `to_categorical`
        "iris_one_unit_softmax_categorical.py",  # several findings
    ],
)
async def test_related_information_is_each_findings_related_spans(client: LanguageClient, fixture: str):
    """The related spans first, then each step of the trace (issue 13)."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    uri = uri_of(fixture)
    params = await published(client, uri, did_open(client, uri, text))
    lines = text.split("\n")

    def position(point) -> lsp.Position:
        return lsp.Position(line=point.line - 1, character=units(lines[point.line - 1][: point.column], "utf-16"))

    expected = [
        (
            d.code,
            [
                (lsp.Range(start=position(s.start), end=position(s.end)), label)
                for s, label in (*d.related, *((s, f"trace: {step}") for s, step in d.trace))
            ],
        )
        # One mistake, one finding: the others are folded into the root's.
        for d in fold(lint_text(str(ROOT / fixture), text).diagnostics)
    ]
    shown = [(d.code, [(r.location.range, r.message) for r in d.related_information or ()]) for d in params.diagnostics]
    assert shown == expected
    assert any(related for _, related in shown)
    assert all(r.location.uri == uri for d in params.diagnostics for r in d.related_information or ())


async def test_close_clears_diagnostics(client: LanguageClient):
    uri = uri_of("close.py")
    opened = await published(client, uri, did_open(client, uri, BUGGY))
    assert opened.diagnostics
    closed = await published(client, uri, did_close(client, uri))
    assert list(closed.diagnostics) == []
    assert list(client.diagnostics[uri]) == []


async def test_columns_are_utf16_code_units_after_an_emoji(client: LanguageClient):
    uri = uri_of("emoji.py")
    params = await published(client, uri, did_open(client, uri, EMOJI))
    (diagnostic,) = params.diagnostics
    assert diagnostic.code == "KL101"
    line = EMOJI.splitlines()[1]
    code_points = line.index('"softmax"')
    start = units(line[:code_points], "utf-16")
    assert start == code_points + 1  # the emoji is one code point, two UTF-16 units
    assert diagnostic.range == lsp.Range(
        start=lsp.Position(line=1, character=start), end=lsp.Position(line=1, character=start + len('"softmax"'))
    )


async def test_syntax_error_is_kl001_and_the_server_keeps_working(client: LanguageClient):
    uri = uri_of("broken.py")
    params = await published(client, uri, did_open(client, uri, SYNTAX_ERROR))
    (diagnostic,) = params.diagnostics
    assert diagnostic.code == "KL001"
    assert diagnostic.severity == lsp.DiagnosticSeverity.Error
    assert diagnostic.message == "syntax error: '(' was never closed"
    assert diagnostic.range.start == lsp.Position(line=1, character=SYNTAX_ERROR.splitlines()[1].index("("))
    assert diagnostic.code_description is None  # no rule page for KL001
    # The same document, fixed, and another document are still linted.
    await assert_still_linting(client, uri, "after_broken.py")


async def test_notebooks_and_other_languages_are_not_linted(client: LanguageClient):
    notebook = uri_of("churn.ipynb")
    params = await published(client, notebook, did_open(client, notebook, BUGGY, language_id="python"))
    assert list(params.diagnostics) == []
    markdown = uri_of("notes.md")
    params = await published(client, markdown, did_open(client, markdown, BUGGY, language_id="markdown"))
    assert list(params.diagnostics) == []


async def test_no_code_action_away_from_a_fixable_diagnostic(client: LanguageClient):
    uri = uri_of("no_fix_here.py")
    await published(client, uri, did_open(client, uri, LOSS_TYPO))
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=5)),
            context=lsp.CodeActionContext(diagnostics=[]),
        )
    )
    assert not actions


@pytest.mark.parametrize(
    ("name", "text", "code", "corrected"),
    [
        ("loss_typo.py", LOSS_TYPO, "KL301", 'loss="categorical_crossentropy"'),
        # The emoji before it on the line: the fix's range is in UTF-16 too.
        ("activation_typo.py", ACTIVATION_TYPO, "KL302", 'activation="sigmoid"'),
    ],
    ids=["KL301", "KL302"],
)
async def test_quick_fix_for_a_misspelt_name(client: LanguageClient, name, text, code, corrected):
    uri = uri_of(name)
    params = await published(client, uri, did_open(client, uri, text))
    (diagnostic,) = [d for d in params.diagnostics if d.code == code]
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=lsp.CodeActionContext(diagnostics=[diagnostic], only=[lsp.CodeActionKind.QuickFix]),
        )
    )
    (action,) = actions
    assert action.kind == lsp.CodeActionKind.QuickFix
    (expected,) = [d for d in lint_text(name, text).diagnostics if d.code == code]
    assert action.title == expected.hint  # "did you mean `categorical_crossentropy`?"
    assert list(action.diagnostics) == [diagnostic]
    # VS Code takes versioned edits: the fix is tied to the text it was made for.
    (document_edit,) = action.edit.document_changes
    assert document_edit.text_document.uri == uri
    assert document_edit.text_document.version == 1
    (edit,) = document_edit.edits
    fixed = apply(text, edit, "utf-16")
    assert corrected in fixed
    assert fixed.count("\n") == text.count("\n")
    after = await published(client, uri, did_change(client, uri, fixed, version=2))
    assert code not in [d.code for d in after.diagnostics]


async def test_project_settings_and_noqa_apply(client: LanguageClient, tmp_path: Path):
    """The editor shows what the command line reports for the file."""
    project = tmp_path / "project"
    (project / "src").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.keraslint]\nignore = ["KL101"]\n')
    ignored = (project / "src" / "model.py").as_uri()
    params = await published(client, ignored, did_open(client, ignored, BUGGY))
    assert list(params.diagnostics) == []

    suppressed = uri_of("noqa.py")
    text = BUGGY.replace('activation="softmax"),', 'activation="softmax"),  # noqa: KL101')
    assert text != BUGGY
    params = await published(client, suppressed, did_open(client, suppressed, text))
    assert list(params.diagnostics) == []

    # A broken configuration is logged once; the defaults apply meanwhile.
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "pyproject.toml").write_text('[tool.keraslint]\nselect = ["KL999"]\n')
    uri = (broken / "model.py").as_uri()
    logged = client.protocol.wait_for_notification_async(lsp.WINDOW_LOG_MESSAGE)
    params = await published(client, uri, did_open(client, uri, BUGGY))
    assert [d.code for d in params.diagnostics] == ["KL101"]
    message = await asyncio.wait_for(logged, TIMEOUT)
    assert message.type == lsp.MessageType.Error
    assert "KL999" in message.message
    assert str(broken / "pyproject.toml") in message.message


async def test_initialization_options_select_the_rules(settings_client: LanguageClient):
    client = settings_client
    ignored = uri_of("ignored.py")
    params = await published(client, ignored, did_open(client, ignored, BUGGY))
    assert list(params.diagnostics) == []
    other = uri_of("typo.py")
    params = await published(client, other, did_open(client, other, LOSS_TYPO))
    assert [d.code for d in params.diagnostics] == ["KL301"]


def did_change_configuration(client: LanguageClient, settings):
    return lambda: client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=settings))


async def test_changed_settings_lint_the_open_documents_again(client: LanguageClient, tmp_path: Path):
    uri = uri_of("configured.py")
    params = await published(client, uri, did_open(client, uri, BUGGY))
    assert [d.code for d in params.diagnostics] == ["KL101"]

    async def shown_after(settings, codes: list[str]) -> None:
        # Every open document is linted again: wait for this one's.
        check = lambda found: [d.code for d in found[uri]] == codes  # noqa: E731
        await cell_diagnostics(client, [uri], did_change_configuration(client, settings), check)

    try:
        # As a client sends a section; ruff's names.
        await shown_after({"keraslint": {"lint": {"select": ["KL3"]}}}, [])
        # An unknown code is logged and left out; the rest applies.
        logged = client.protocol.wait_for_notification_async(lsp.WINDOW_LOG_MESSAGE)
        await shown_after({"settings": {"lint": {"select": ["KL999"], "ignore": ["KL2"]}}}, ["KL101"])
        message = await asyncio.wait_for(logged, TIMEOUT)
        assert message.type == lsp.MessageType.Error and "KL999" in message.message
        # `configuration`: this file for every document, whatever its folder.
        config = tmp_path / "elsewhere" / "pyproject.toml"
        config.parent.mkdir()
        config.write_text('[tool.keraslint]\nignore = ["KL1"]\n')
        await shown_after({"configuration": str(config)}, [])
    finally:
        await shown_after({}, ["KL101"])


# -- the patched server: failures and the quick-fix path -------------------


async def test_a_crash_while_linting_is_logged_and_the_server_survives(patched_client: LanguageClient):
    client = patched_client
    uri = uri_of("crash.py")
    logged = client.protocol.wait_for_notification_async(lsp.WINDOW_LOG_MESSAGE)
    params = await published(client, uri, did_open(client, uri, BUGGY + "# KERASLINT_TEST_CRASH\n"))
    assert list(params.diagnostics) == []
    message = await asyncio.wait_for(logged, TIMEOUT)
    assert message.type == lsp.MessageType.Error
    assert uri in message.message
    assert "RuntimeError: injected failure" in message.message
    assert "Traceback" in message.message
    # The crashing document, once fixed, and other documents are linted.
    await assert_still_linting(client, uri, "after_crash.py")


async def test_quick_fix_path_with_utf8_positions(patched_client: LanguageClient):
    """A diagnostic with a fix (given by the patched lint_text) becomes a
    quick fix; Neovim asks for UTF-8, so the emoji before it counts 4."""
    client = patched_client
    assert client.initialize_result.capabilities.position_encoding == lsp.PositionEncodingKind.Utf8
    uri = uri_of("activation_typo.py")
    params = await published(client, uri, did_open(client, uri, ACTIVATION_TYPO))
    (diagnostic,) = params.diagnostics
    assert diagnostic.code == "KL302"
    start = ACTIVATION_TYPO.index('"sigmod"')
    expected = lsp.Range(
        start=lsp_position(ACTIVATION_TYPO, start, "utf-8"),
        end=lsp_position(ACTIVATION_TYPO, start + len('"sigmod"'), "utf-8"),
    )
    assert expected.start.character == ACTIVATION_TYPO.splitlines()[1].index('"sigmod"') + 3
    assert diagnostic.range == expected

    # The cursor anywhere on the diagnostic, as editors ask.
    cursor = lsp.Position(line=1, character=diagnostic.range.start.character + 2)
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(start=cursor, end=cursor),
            context=lsp.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    (action,) = actions
    assert action.kind == lsp.CodeActionKind.QuickFix
    assert action.title == "did you mean `sigmoid`?"
    assert action.is_preferred
    assert list(action.diagnostics) == [diagnostic]
    # Neovim 0.11 does not declare versioned edits: plain ``changes``.
    assert action.edit.document_changes is None
    (edit,) = action.edit.changes[uri]
    assert edit.range == expected
    assert edit.new_text == '"sigmoid"'
    fixed = apply(ACTIVATION_TYPO, edit, "utf-8")
    assert fixed == ACTIVATION_TYPO.replace('"sigmod"', '"sigmoid"')

    # Code actions of another kind only: none.
    refactors = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=lsp.CodeActionContext(diagnostics=[diagnostic], only=[lsp.CodeActionKind.Refactor]),
        )
    )
    assert not refactors
    after = await published(client, uri, did_change(client, uri, fixed, version=2))
    assert list(after.diagnostics) == []


FIX_ALL_TEXT = """\
import keras
model = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="softmax")])
model.compile(optimizer="adam", loss="binary_crossentropy")
other = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
other.compile(optimizer="adam", loss="categorical_cross_entropy")
head = keras.layers.Dense(1, activation="softmax")
"""


def fix_all_params(uri: str, only: list[str]) -> lsp.CodeActionParams:
    return lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        range=lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0)),
        context=lsp.CodeActionContext(diagnostics=[], only=only),
    )


@pytest.mark.parametrize("only", ["source.fixAll", "source", "source.fixAll.keraslint"])
async def test_fix_all_applies_every_safe_fix_and_no_unsafe_one(client: LanguageClient, only: str):
    uri = uri_of(f"fix_all_{only}.py")
    params = await published(client, uri, did_open(client, uri, FIX_ALL_TEXT))
    assert sorted(d.code for d in params.diagnostics) == ["KL101", "KL101", "KL301"]
    (action,) = await client.text_document_code_action_async(fix_all_params(uri, [only]))
    assert action.kind == "source.fixAll.keraslint" and not action.diagnostics
    (document_edit,) = action.edit.document_changes
    assert document_edit.text_document.version == 1
    fixed = FIX_ALL_TEXT
    # Each range refers to the text the edits were made for: apply the last first.
    for edit in sorted(document_edit.edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        fixed = apply(fixed, edit, "utf-16")
    assert fixed == FIX_ALL_TEXT.replace(
        'Dense(1, activation="softmax")])', 'Dense(1, activation="sigmoid")])'
    ).replace("categorical_cross_entropy", "categorical_crossentropy")
    after = await published(client, uri, did_change(client, uri, fixed, version=2))
    # What is left is the unsafe one: a lone 1-unit softmax, binary or multi-class?
    (left,) = after.diagnostics
    assert left.code == "KL101" and left.range.start.line == 5


async def test_fix_all_only_when_asked_for(client: LanguageClient):
    uri = uri_of("fix_all_not_asked.py")
    await published(client, uri, did_open(client, uri, FIX_ALL_TEXT))
    for only in ([lsp.CodeActionKind.QuickFix], [lsp.CodeActionKind.Refactor], ["source.organizeImports"]):
        actions = await client.text_document_code_action_async(fix_all_params(uri, only))
        assert all(action.kind != "source.fixAll.keraslint" for action in actions or []), only
    clean = uri_of("fix_all_clean.py")
    await published(client, clean, did_open(client, clean, CLEAN))
    assert not await client.text_document_code_action_async(fix_all_params(clean, ["source.fixAll"]))


async def test_the_commands_are_advertised(client: LanguageClient):
    provider = client.initialize_result.capabilities.execute_command_provider
    assert sorted(provider.commands) == ["keraslint.fixAll", "keraslint.showRule"]


async def test_fix_all_command_sends_the_safe_fixes_to_the_editor(client: LanguageClient):
    uri = uri_of("fix_all_command.py")
    await published(client, uri, did_open(client, uri, FIX_ALL_TEXT))
    sent: list[lsp.ApplyWorkspaceEditParams] = []

    @client.feature(lsp.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: lsp.ApplyWorkspaceEditParams) -> lsp.ApplyWorkspaceEditResult:
        sent.append(params)
        return lsp.ApplyWorkspaceEditResult(applied=True)

    execute = lsp.ExecuteCommandParams(command="keraslint.fixAll", arguments=[{"uri": uri}])
    returned = await client.workspace_execute_command_async(execute)
    (params,) = sent
    (action,) = await client.text_document_code_action_async(fix_all_params(uri, ["source.fixAll"]))
    # The same edits as the fix-all code action, as the client received them.
    assert params.edit == action.edit
    assert returned is not None and returned["documentChanges"][0]["edits"]

    # A clean document: nothing to send.
    clean = uri_of("fix_all_command_clean.py")
    await published(client, clean, did_open(client, clean, CLEAN))
    execute = lsp.ExecuteCommandParams(command="keraslint.fixAll", arguments=[clean])
    assert await client.workspace_execute_command_async(execute) is None
    assert len(sent) == 1


@pytest.mark.parametrize("rule", ["KL101", "kl101", "softmax-single-unit"])
async def test_show_rule_returns_the_rule_page(client: LanguageClient, rule: str):
    page = await client.workspace_execute_command_async(
        lsp.ExecuteCommandParams(command="keraslint.showRule", arguments=[rule])
    )
    assert page == (Path(__file__).resolve().parent.parent / "docs" / "rules" / "KL101.md").read_text()


async def test_show_rule_of_an_unknown_rule_is_an_error(client: LanguageClient):
    with pytest.raises(Exception, match="no rule 'KL999'"):
        await client.workspace_execute_command_async(
            lsp.ExecuteCommandParams(command="keraslint.showRule", arguments=["KL999"])
        )


async def test_an_unsafe_fix_is_offered_but_not_preferred(patched_client: LanguageClient):
    client = patched_client
    uri = uri_of("unsafe.py")
    text = ACTIVATION_TYPO + "# KERASLINT_TEST_UNSAFE\n"
    params = await published(client, uri, did_open(client, uri, text))
    (diagnostic,) = params.diagnostics
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=lsp.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    (action,) = actions
    assert action.kind == lsp.CodeActionKind.QuickFix
    assert not action.is_preferred


# -- incremental sync --------------------------------------------------------

# CRLF line ends, a form feed (a line break for str.splitlines, not for LSP
# or Python) and a non-BMP character before the edited value on its line.
CRLF_CLEAN = (
    "# \U0001f680 model\x0c one line\r\n"
    "import keras\r\n"
    'model = keras.Sequential([keras.layers.Dense(1, name="\U0001f680", activation="sigmoid")])\r\n'
    'model.compile(optimizer="adam", loss="binary_crossentropy")\r\n'
)


def edit(start: tuple[int, int], end: tuple[int, int], text: str) -> lsp.TextDocumentContentChangePartial:
    return lsp.TextDocumentContentChangePartial(
        range=lsp.Range(start=lsp.Position(*start), end=lsp.Position(*end)), text=text
    )


def did_edit(client: LanguageClient, uri: str, version: int, *changes: lsp.TextDocumentContentChangePartial):
    return lambda: client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=list(changes),
        )
    )


async def test_incremental_edits_count_utf16_units_and_lsp_line_breaks(client: LanguageClient):
    uri = uri_of("crlf.py")
    opened = await published(client, uri, did_open(client, uri, CRLF_CLEAN))
    assert list(opened.diagnostics) == []
    line = CRLF_CLEAN.split("\r\n")[2]
    start = units(line[: line.index("sigmoid")], "utf-16")  # the rocket counts 2
    # Two edits in one message, applied in order: "sigmoid" -> "softXmax" -> "softmax".
    changed = await published(
        client,
        uri,
        did_edit(
            client, uri, 2, edit((2, start), (2, start + 7), "softXmax"), edit((2, start + 4), (2, start + 5), "")
        ),
    )
    (diagnostic,) = changed.diagnostics
    assert diagnostic.code == "KL101"
    assert diagnostic.range.start == lsp.Position(line=2, character=start - 1)
    assert diagnostic.range.end == lsp.Position(line=2, character=start + len("softmax") + 1)
    # An edit replacing a CRLF (a blank line after line 1), then one past
    # the end (it appends), as an editor sends them.
    moved = await published(
        client,
        uri,
        did_edit(client, uri, 3, edit((1, 12), (2, 0), "\r\n\r\n"), edit((9, 0), (9, 0), "# end\r\n")),
    )
    (diagnostic,) = moved.diagnostics
    assert diagnostic.code == "KL101"
    assert diagnostic.range.start == lsp.Position(line=3, character=start - 1)


# -- notebooks -------------------------------------------------------------

NOTEBOOK_URI = uri_of("churn.ipynb")
NOTEBOOK_CELLS = [
    (lsp.NotebookCellKind.Markup, "# Churn 🚀 model"),
    (lsp.NotebookCellKind.Code, "%matplotlib inline\nimport keras"),
    # IPython removes a cell's common indentation; the position keeps it.
    (
        lsp.NotebookCellKind.Code,
        '  model = keras.Sequential([\n      keras.layers.Dense(1, name="🚀", activation="softmax"),\n  ])',
    ),
    (lsp.NotebookCellKind.Code, 'model.compile(optimizer="adam", loss="binary_crossentropy")'),
]


def cell_uri(number: int, notebook: str = NOTEBOOK_URI) -> str:
    return f"vscode-notebook-cell:{notebook.removeprefix('file://')}#C{number}"


async def cell_diagnostics(client: LanguageClient, uris: list[str], send, check) -> dict[str, list[lsp.Diagnostic]]:
    """Send, then wait until the diagnostics shown for ``uris`` pass ``check``.
    A cell the server never published diagnostics for has none: the server
    publishes only the cells whose diagnostics change."""
    send()
    for _ in range(TIMEOUT * 20):
        found = {uri: list(client.diagnostics.get(uri, [])) for uri in uris}
        if check(found):
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"diagnostics never settled: {found}")


def all_clear(found: dict[str, list[lsp.Diagnostic]]) -> bool:
    return all(diagnostics == [] for diagnostics in found.values())


def change_cell(client: LanguageClient, notebook: str, cell: str, text: str, version: int):
    """Replace one cell's text (as VS Code sends an edit in a notebook)."""
    return lambda: client.notebook_document_did_change(
        lsp.DidChangeNotebookDocumentParams(
            notebook_document=lsp.VersionedNotebookDocumentIdentifier(version=version, uri=notebook),
            change=lsp.NotebookDocumentChangeEvent(
                cells=lsp.NotebookDocumentCellChanges(
                    text_content=[
                        lsp.NotebookDocumentCellContentChanges(
                            document=lsp.VersionedTextDocumentIdentifier(uri=cell, version=version),
                            changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
                        )
                    ]
                )
            ),
        )
    )


def open_notebook(client: LanguageClient, cells=NOTEBOOK_CELLS, uri: str = NOTEBOOK_URI):
    return lambda: client.notebook_document_did_open(
        lsp.DidOpenNotebookDocumentParams(
            notebook_document=lsp.NotebookDocument(
                uri=uri,
                notebook_type="jupyter-notebook",
                version=1,
                cells=[lsp.NotebookCell(kind=kind, document=cell_uri(n, uri)) for n, (kind, _) in enumerate(cells, 1)],
            ),
            cell_text_documents=[
                lsp.TextDocumentItem(
                    uri=cell_uri(n, uri),
                    language_id="python" if kind == lsp.NotebookCellKind.Code else "markdown",
                    version=1,
                    text=text,
                )
                for n, (kind, text) in enumerate(cells, 1)
            ],
        )
    )


async def test_the_server_declares_jupyter_notebook_sync(client: LanguageClient):
    sync = client.initialize_result.capabilities.notebook_document_sync
    (selector,) = sync.notebook_selector
    assert selector.notebook == "jupyter-notebook" and [c.language for c in selector.cells] == ["python"]


async def test_notebook_cells_are_one_program_and_each_cell_gets_its_findings(client: LanguageClient):
    code_cells = [cell_uri(n) for n in (2, 3, 4)]
    found = await cell_diagnostics(client, code_cells, open_notebook(client), lambda found: any(found.values()))
    assert found[code_cells[0]] == [] and found[code_cells[2]] == []
    (diagnostic,) = found[code_cells[1]]
    assert diagnostic.code == "KL101"
    assert "loss `binary_crossentropy` at cell 4, line 1" in diagnostic.message
    # Line 2 of the cell, after its own indentation and an emoji (2 UTF-16 units).
    line = NOTEBOOK_CELLS[2][1].split("\n")[1]
    start = line.index('"softmax"')
    assert diagnostic.range.start == lsp.Position(line=1, character=start + 1)
    assert diagnostic.range.end == lsp.Position(line=1, character=start + 1 + len('"softmax"'))
    assert cell_uri(1) not in client.diagnostics  # a markdown cell is not linted
    # The loss is in another cell: the related location is there.
    (related,) = diagnostic.related_information
    assert related.message == "the loss `binary_crossentropy`"
    start = NOTEBOOK_CELLS[3][1].index('"binary_crossentropy"')
    assert related.location.uri == code_cells[2]
    assert related.location.range == lsp.Range(
        start=lsp.Position(line=0, character=start), end=lsp.Position(line=0, character=start + 21)
    )

    # Fixing the cell in the editor clears the finding.
    fixed = NOTEBOOK_CELLS[2][1].replace('"softmax"', '"sigmoid"')
    await cell_diagnostics(client, code_cells, change_cell(client, NOTEBOOK_URI, code_cells[1], fixed, 2), all_clear)
    # Breaking it again shows it again.
    broken = change_cell(client, NOTEBOOK_URI, code_cells[1], NOTEBOOK_CELLS[2][1], 3)
    found = await cell_diagnostics(client, code_cells, broken, lambda found: bool(found[code_cells[1]]))
    assert found[code_cells[1]] == [diagnostic]

    # Closing the notebook clears every cell.
    close = lambda: client.notebook_document_did_close(  # noqa: E731
        lsp.DidCloseNotebookDocumentParams(
            notebook_document=lsp.NotebookDocumentIdentifier(uri=NOTEBOOK_URI),
            cell_text_documents=[lsp.TextDocumentIdentifier(uri=uri) for uri in [cell_uri(1), *code_cells]],
        )
    )
    await cell_diagnostics(client, code_cells, close, all_clear)


async def test_incremental_edit_in_a_notebook_cell(client: LanguageClient):
    uri = uri_of("incremental.ipynb")
    # A form feed in a comment on the cell's first line: no line break for LSP.
    cells = [
        *NOTEBOOK_CELLS[:2],
        (NOTEBOOK_CELLS[2][0], NOTEBOOK_CELLS[2][1].replace("[", "[  # \x0c", 1)),
        NOTEBOOK_CELLS[3],
    ]
    code_cells = [cell_uri(n, uri) for n in (2, 3, 4)]
    opened = open_notebook(client, cells, uri)
    found = await cell_diagnostics(client, code_cells, opened, lambda found: any(found.values()))
    found_before = found[code_cells[1]]
    assert [d.code for d in found_before] == ["KL101"]
    # Line 2 of cell 3 has a rocket before "softmax": 2 UTF-16 units.
    line = cells[2][1].split("\n")[1]
    column = units(line[: line.index("softmax")], "utf-16")
    change = lambda: client.notebook_document_did_change(  # noqa: E731
        lsp.DidChangeNotebookDocumentParams(
            notebook_document=lsp.VersionedNotebookDocumentIdentifier(version=2, uri=uri),
            change=lsp.NotebookDocumentChangeEvent(
                cells=lsp.NotebookDocumentCellChanges(
                    text_content=[
                        lsp.NotebookDocumentCellContentChanges(
                            document=lsp.VersionedTextDocumentIdentifier(uri=code_cells[1], version=2),
                            changes=[edit((1, column + 5), (1, column + 6), "")],  # "softmax" -> "softmx"
                        )
                    ]
                )
            ),
        )
    )
    found = await cell_diagnostics(client, code_cells, change, lambda found: found[code_cells[1]] != found_before)
    (typo,) = found[code_cells[1]]
    assert "`softmx`" in typo.message
    assert typo.range.start == lsp.Position(line=1, character=column - 1)


async def test_a_notebook_cell_that_does_not_parse_is_reported_in_that_cell(client: LanguageClient):
    uri = uri_of("broken.ipynb")
    cells = [
        (lsp.NotebookCellKind.Code, "import keras\n"),
        (lsp.NotebookCellKind.Code, "def windowed(series):\n    # YOUR CODE HERE"),
        NOTEBOOK_CELLS[2],
        NOTEBOOK_CELLS[3],
    ]
    uris = [cell_uri(n, uri) for n in (1, 2, 3, 4)]
    found = await cell_diagnostics(
        client, uris, open_notebook(client, cells, uri), lambda f: bool(f[uris[1]] and f[uris[2]])
    )
    assert found[uris[0]] == [] and found[uris[3]] == []
    (error,) = found[uris[1]]
    assert error.code == "KL001" and error.range.start.line == 1
    assert "expected an indented block after function definition on line 1" in error.message
    assert [d.code for d in found[uris[2]]] == ["KL101"]


async def test_quick_fix_in_a_notebook_cell(client: LanguageClient):
    uri = uri_of("typo.ipynb")
    cells = [
        (lsp.NotebookCellKind.Code, "import keras"),
        (
            lsp.NotebookCellKind.Code,
            '    model = keras.Sequential([keras.layers.Dense(1, name="🚀", activation="softmax")])',
        ),
        (lsp.NotebookCellKind.Code, 'model.compile(optimizer="adam", loss="binary_crossentropy")'),
    ]
    uris = [cell_uri(n, uri) for n in (1, 2, 3)]
    found = await cell_diagnostics(client, uris, open_notebook(client, cells, uri), lambda f: bool(f[uris[1]]))
    (diagnostic,) = found[uris[1]]
    (action,) = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uris[1]),
            range=diagnostic.range,
            context=lsp.CodeActionContext(diagnostics=[diagnostic], only=[lsp.CodeActionKind.QuickFix]),
        )
    )
    # The finding as published, its related location (the loss) in cell 3.
    assert list(action.diagnostics) == [diagnostic]
    (related,) = diagnostic.related_information
    start = cells[2][1].index('"binary_crossentropy"')
    assert related.location == lsp.Location(
        uri=uris[2],
        range=lsp.Range(start=lsp.Position(line=0, character=start), end=lsp.Position(line=0, character=start + 21)),
    )
    (document_edit,) = action.edit.document_changes
    assert document_edit.text_document.uri == uris[1] and document_edit.text_document.version == 1
    (edit,) = document_edit.edits
    # The cell's own indentation (IPython removes it) and the emoji are kept track of.
    assert apply(cells[1][1], edit, "utf-16") == cells[1][1].replace('"softmax"', '"sigmoid"')
    # Every safe fix of the cell at once, too.
    (fix_all,) = await client.text_document_code_action_async(fix_all_params(uris[1], ["source.fixAll"]))
    assert list(fix_all.edit.document_changes[0].edits) == [edit]


# -- the documented command ------------------------------------------------


def documented_commands() -> list[list[str]]:
    """Every server command in docs/editors.md's snippets: Lua ``cmd = {...}``,
    TOML ``command`` + ``args``."""
    text = DOCS.read_text(encoding="utf-8")
    commands = [re.findall(r'"([^"]*)"', body) for body in re.findall(r"\bcmd\s*=\s*\{([^}]*)\}", text)]
    for command, args in re.findall(r'^command\s*=\s*"([^"]*)"\s*\nargs\s*=\s*\[([^\]]*)\]', text, re.MULTILINE):
        commands.append([command, *re.findall(r'"([^"]*)"', args)])
    return commands


async def test_the_documented_command_is_the_tested_server():
    commands = documented_commands()
    assert len(commands) >= 3  # two Neovim snippets, Helix
    # The one a full path replaces is an explanation, not a different command.
    commands = [c for c in commands if not c[0].startswith("/path/to/")]
    assert all(command == ["keraslint", "server"] for command in commands), commands
    # `keraslint` is the console script for keraslint.cli:main, which is
    # what `python -m keraslint` (the tests' command) runs.
    scripts = distribution("keraslint").entry_points
    (script,) = [e for e in scripts if e.group == "console_scripts" and e.name == "keraslint"]
    assert script.value == "keraslint.cli:main"
    assert [sys.executable, "-m", "keraslint", *commands[0][1:]] == SERVER_COMMAND

    # And the documented command itself, as an editor finds it on PATH,
    # starts a working server.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    executable = shutil.which(commands[0][0], path=path)
    assert executable is not None
    documented = ClientServerConfig(server_command=[executable, *commands[0][1:]])
    client = await documented.start()
    try:
        result = await client.initialize_session(lsp.InitializeParams(capabilities=lsp.ClientCapabilities()))
        assert result.server_info.name == "keraslint"
        uri = uri_of("documented.py")
        params = await published(client, uri, did_open(client, uri, BUGGY))
        assert [d.code for d in params.diagnostics] == ["KL101"]
        await client.shutdown_session()
    finally:
        await client.stop()


# -- folded findings ----------------------------------------------------------

FOLDED = (
    "import keras\n"
    'model = keras.Sequential([keras.layers.Dense(1, activation="softmax")])\n'
    'model.compile(optimizer="adam", loss="categorical_crossentropy")\n'
)


async def test_the_quick_fix_of_a_folded_finding_carries_every_fix_of_the_mistake(client: LanguageClient):
    """KL101 (the 1-unit `softmax`) folds KL103 (its categorical loss): one
    mistake, one action with both edits, as ``--fix`` applies them; not
    preferred, as KL103's edit is unsafe."""
    uri = uri_of("folded.py")
    params = await published(client, uri, did_open(client, uri, FOLDED))
    (diagnostic,) = params.diagnostics
    assert diagnostic.code == "KL101" and "KL103" in diagnostic.related_information[-1].message
    (action,) = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=lsp.CodeActionContext(diagnostics=[diagnostic], only=[lsp.CodeActionKind.QuickFix]),
        )
    )
    assert "KL103" in action.title and not action.is_preferred
    (document_edit,) = action.edit.document_changes
    fixed = FOLDED
    for edit in sorted(document_edit.edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        fixed = apply(fixed, edit, "utf-16")
    assert fixed == FOLDED.replace('"softmax"', '"sigmoid"').replace('"categorical_', '"binary_')
    after = await published(client, uri, did_change(client, uri, fixed, version=2))
    assert list(after.diagnostics) == []


async def test_finding_fixes_are_distinct_and_never_overlap():
    from keraslint.diagnostics import Diagnostic, Position, Replacement, Span
    from keraslint.server import finding_fixes

    def span(start: int, end: int) -> Span:
        return Span(Position(1, start), Position(1, end))

    own, same, other = Replacement(span(0, 5), '"a"'), Replacement(span(0, 5), '"a"'), Replacement(span(8, 9), '"b"')
    child = Diagnostic("KL103", span(8, 9), "m", fix=other)
    twin = Diagnostic("KL204", span(0, 5), "m", fix=same)
    root = Diagnostic("KL101", span(0, 5), "m", fix=own, folded=(child, twin))
    assert finding_fixes(root) == [own, other]  # the same edit once
    clash = Diagnostic("KL204", span(3, 9), "m", fix=Replacement(span(3, 9), '"c"'))
    # As --fix chooses (keraslint.fix_choice): the first found of two that
    # overlap; the others that overlap nothing chosen stay.
    assert finding_fixes(Diagnostic("KL101", span(0, 5), "m", fix=own, folded=(child, clash))) == [own, other]
    assert finding_fixes(Diagnostic("KL101", span(0, 5), "m", folded=(child, clash))) == [other]


KL205_CODE = (
    "import keras\n"
    "(x, y), _ = keras.datasets.mnist.load_data()\n"
    'model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(1, activation="sigmoid")])\n'
    'model.compile(optimizer="adam", loss="binary_crossentropy")\n'
    "model.fit(x, y)\n"
)


async def test_a_fix_of_several_edits_is_one_quick_fix_with_all_of_them(client: LanguageClient):
    """KL205's fix is three edits (the head's units and activation, the
    loss): one action applies them all, as ``--fix --unsafe-fixes`` does."""
    uri = uri_of("kl205.py")
    params = await published(client, uri, did_open(client, uri, KL205_CODE))
    (diagnostic,) = params.diagnostics
    assert diagnostic.code == "KL205"
    (action,) = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=lsp.CodeActionContext(diagnostics=[diagnostic], only=[lsp.CodeActionKind.QuickFix]),
        )
    )
    assert not action.is_preferred
    (document_edit,) = action.edit.document_changes
    assert len(document_edit.edits) == 3
    fixed = KL205_CODE
    for edit in sorted(document_edit.edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        fixed = apply(fixed, edit, "utf-16")
    assert fixed == KL205_CODE.replace('Dense(1, activation="sigmoid")', 'Dense(10, activation="softmax")').replace(
        '"binary_crossentropy"', '"sparse_categorical_crossentropy"'
    )
    after = await published(client, uri, did_change(client, uri, fixed, version=2))
    assert list(after.diagnostics) == []
