"""A property of ``--fix``: the bytes outside each fixed literal never change.

Checked on the bytes themselves, never through LibCST: the file before and
after is cut into runs of word characters and runs of anything else (spaces,
form feeds, line breaks, quotes, a BOM, non-ASCII bytes in any encoding);
every run of anything else must be unchanged, and a changed stretch of
words must be the whole content of one quoted literal, become the name of
one of the fixes. Over the fixtures (each with a typo planted in it, then
with form feeds, CR/CRLF/mixed line endings, BOMs and coding cookies), the
fixture notebooks (their cells with form feeds and CRLF), and generated
programs.
"""

from __future__ import annotations

import ast
import difflib
import io
import json
import re
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keraslint import cli
from keraslint.checker import SYNTAX_ERROR, UNREADABLE, FileResult
from keraslint.config import Settings
from keraslint.diagnostics import ArgumentEdit
from keraslint.fixes import wanted_fixes
from keraslint.runner import check_bytes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SETTINGS = Settings()
_RUNS = re.compile(rb"([A-Za-z0-9_]+)")
_QUOTES = (b'"', b"'")


def argument_changed(was: bytes, now: bytes, arguments: set[ArgumentEdit], expressions: set[bytes] = set()) -> bool:  # noqa: B006 - read only
    """Whether ``was`` became ``now`` by one of the argument edits: the
    argument (and one comma) removed, its value set, or it added; the
    blanks around it may go with it, nothing else changes. Or a string
    literal became one of ``expressions`` (a loss object)."""
    was, now = re.sub(rb"\s", b"", was), re.sub(rb"\s", b"", now)
    while was and now and was[0] == now[0]:
        was, now = was[1:], now[1:]
    while was and now and was[-1] == now[-1]:
        was, now = was[:-1], now[:-1]
    if now in expressions and re.fullmatch(rb"([\"'])[A-Za-z_]+\1", was):
        return True
    for edit in arguments:
        keyword = edit.keyword.encode()
        if edit.old is not None and edit.new is None:
            written = keyword + b"=" + edit.old.encode()
            if now == b"" and was in (written, b"," + written, written + b","):
                return True
        elif edit.old is not None and edit.new is not None:
            if (was, now) == (edit.old.encode(), edit.new.encode()):
                return True
        elif edit.new is not None:
            written = keyword + b"=" + edit.new.encode()
            if was == b"" and now in (written, b"," + written):
                return True
    return False


def changed_literals(
    before: bytes,
    after: bytes,
    names: set[bytes],
    arguments: set[ArgumentEdit] = set(),  # noqa: B006 - read only
    expressions: set[bytes] = set(),  # noqa: B006 - read only
) -> int:
    """How many literals (or call arguments) changed between ``before``
    and ``after``; fails unless everything else is byte for byte the same."""
    old, new = _RUNS.split(before), _RUNS.split(after)
    assert b"".join(old) == before and b"".join(new) == after
    changed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        was, now = b"".join(old[i1:i2]), b"".join(new[j1:j2])
        if argument_changed(was, now, arguments, expressions):
            changed += 1
            continue
        if re.fullmatch(rb"[0-9]+", was) and re.fullmatch(rb"[0-9]+", now):
            # A unit count (KL204) rewritten whole: no digit on either side.
            assert i1 > 0 and i2 < len(old), (was, now)
            assert not old[i1 - 1][-1:].isdigit() and not old[i2][:1].isdigit(), (old[i1 - 1], was, old[i2])
            assert now in names, (was, now, names)
            changed += 1
            continue
        # Inside one literal: no quote, no line break, no escape.
        for stretch in (was, now):
            assert not re.search(rb"[\"'\\\r\n]", stretch), (was, now)
        # The whole content of that literal: a quote (or a JSON-escaped
        # one, in a notebook) on each side, kept.
        assert i1 > 0 and i2 < len(old), (was, now)
        assert old[i1 - 1].endswith(_QUOTES) and old[i2].lstrip(b"\\").startswith(_QUOTES), (old[i1 - 1], was, old[i2])
        assert now in names, (was, now, names)
        changed += 1
    return changed


def fix_stdin(result: FileResult, data: bytes) -> bytes:
    """What ``keraslint --fix --unsafe-fixes -`` writes on stdout."""
    buffer = io.BytesIO()
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout = wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    sys.stderr = io.StringIO()
    try:
        cli._fix_stdin(result, data, cli._check_parser().parse_args(["--fix", "--unsafe-fixes", "-"]))
        wrapper.flush()
    finally:
        sys.stdout, sys.stderr = stdout, stderr
        wrapper.detach()
    return buffer.getvalue()


def fix(name: str, data: bytes) -> tuple[bytes, int, int]:
    """(the bytes ``--fix`` gives, literals changed, fixes wanted or -1 for
    input that cannot be read), fixing unsafe fixes too; checks the property
    on the way."""
    result = check_bytes(name, data, SETTINGS)
    fixed = fix_stdin(result, data)
    if result.source is None:  # not read: nothing to fix
        assert fixed == data
        return data, 0, -1
    wanted = wanted_fixes(result.diagnostics, unsafe=True)
    plain = [f for f in wanted if f.argument is None and f.requires is None]
    names = {re.sub(r"^[rRbBuU]*(['\"])(.*)\1$", r"\2", f.text).encode() for f in plain}
    arguments = {f.argument for f in wanted if f.argument is not None}
    expressions = {re.sub(r"\s", "", f.text).encode() for f in wanted if f.requires is not None}
    changed = changed_literals(data, fixed, names, arguments, expressions)
    if changed:
        again = check_bytes(name, fixed, SETTINGS)
        assert not again.internal_errors
        assert not any(d.code in (SYNTAX_ERROR, UNREADABLE) for d in again.diagnostics), again.diagnostics
    return fixed, changed, len({f.span for f in wanted})


# -- Renderings: line endings, form feeds, encodings ----------------------------

ENCODINGS = {
    # (cookie, BOM) -> the codec, and non-ASCII text it can hold
    "utf-8": ("utf-8", "caf\xe9 \u2014 \u6f22\u5b57 \U0001f600"),
    "utf-8 BOM": ("utf-8-sig", "caf\xe9 \u2014 \xfc"),
    "utf-8 cookie": ("utf-8", "na\xefve \u20ac"),
    "latin-1 cookie": ("latin-1", "caf\xe9 na\xefve \xa3 \xff"),
    "cp1252 cookie": ("cp1252", "caf\xe9 \u20ac \u2014 \u0153"),
}


def statement_starts(text: str) -> set[int]:
    """The 0-based lines where a top-level statement starts at column 0: a
    form feed there is Python's (and an old editor's page break)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = ast.parse(text)
    starts = set()
    for node in tree.body:
        first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
        if node.col_offset == 0:
            starts.add(first - 1)
    return starts


def render(
    text: str,
    newlines: list[str],
    form_feeds: set[int],
    encoding: str,
    cookie_line: int,
    head: str = "",
    tail: str = "",
) -> bytes:
    """``text`` (LF line ends, ends with one) as a file: each line ending
    taken from ``newlines`` in turn, a form feed before the chosen lines,
    ``head`` before the code, ``tail`` after it, in ``encoding`` with its
    cookie (on line 1 or 2) or BOM, and a comment in non-ASCII text."""
    codec, sample = ENCODINGS[encoding]
    lines = text.split("\n")[:-1]
    lines = [("\f" if number in form_feeds else "") + line for number, line in enumerate(lines)]
    lines.insert(0, f"# {sample}")
    if encoding.endswith("cookie"):
        lines.insert(0, f"# -*- coding: {codec} -*-")
        if cookie_line == 2:
            lines.insert(0, "#!/usr/bin/env python")
    code = "".join(line + newlines[number % len(newlines)] for number, line in enumerate(lines))
    # ``head`` goes after the cookie (which must stay on line 1 or 2).
    prefix = len(lines) - len(text.split("\n")[:-1])
    cut = sum(len(line) + len(newlines[number % len(newlines)]) for number, line in enumerate(lines[:prefix]))
    return (code[:cut] + head + code[cut:] + tail).encode(codec)


NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])
LINE_ENDINGS = st.one_of(NEWLINES.map(lambda n: [n]), st.lists(NEWLINES, min_size=2, max_size=7))
# What LibCST does not give back: leading form feeds and continuation lines,
# a final lone CR, blank lines of spaces at the end.
HEADS = st.sampled_from(["", "\f", "\f\f", "\\\n", "\n\f"])
TAILS = st.sampled_from(["", "\r", "\f", "\n\r", "    \t\n    ", "\n\n"])


# -- Generated programs -------------------------------------------------------------


def program(quote: str, loss_typo: str, activation_typo: str, softmax_units: int, comment: str) -> tuple[str, int]:
    """A Keras script with typos to fix, and how many fixes it has."""
    q = quote
    text = (
        "import keras\n"
        "\n"
        f"# {comment}\n"
        "model = keras.Sequential([\n"
        f"    keras.layers.Dense(16, activation={q}{activation_typo}{q}),  # {comment}\n"
        f"    keras.layers.Dense({softmax_units}, activation={q}softmax{q}),\n"
        "])\n"
        f"NOTE = {q}{comment}{q}\n"
        f"model.compile(optimizer={q}adam{q}, loss={q}{loss_typo}{q})\n"
    )
    # binary_crossentropy on the 3-unit softmax: KL102's (unsafe) fix.
    kl102 = loss_typo == "binary_crossentropy" and softmax_units == 3
    expected = (loss_typo != "binary_crossentropy") + (activation_typo != "relu") + (softmax_units == 1) + kl102
    return text, expected


PROGRAMS = st.builds(
    program,
    quote=st.sampled_from(['"', "'"]),
    loss_typo=st.sampled_from(["binary_crossentrop", "binary_crossentropy", "binary crossentropy"]),
    activation_typo=st.sampled_from(["rellu", "relu", "Relu"]),
    softmax_units=st.sampled_from([1, 3]),
    comment=st.sampled_from(["plain", "caf\xe9"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    generated=PROGRAMS,
    newlines=LINE_ENDINGS,
    feeds=st.lists(st.booleans(), min_size=9, max_size=9),
    encoding=st.sampled_from(sorted(ENCODINGS)),
    cookie_line=st.sampled_from([1, 2]),
    head=HEADS,
    tail=TAILS,
)
def test_generated_programs_change_only_their_literals(
    generated: tuple[str, int],
    newlines: list[str],
    feeds: list[bool],
    encoding: str,
    cookie_line: int,
    head: str,
    tail: str,
) -> None:
    text, expected = generated
    form_feeds = {number for number in statement_starts(text) if feeds[number]}
    data = render(text, newlines, form_feeds, encoding, cookie_line, head, tail)
    _, applied, wanted = fix("generated.py", data)
    assert wanted != -1, "the file was not read (CPython reads it)"
    # Not only unchanged elsewhere: every fix is applied, whatever the layout.
    assert wanted == expected and applied == expected, (applied, wanted, data)


# -- The fixtures ---------------------------------------------------------------------

_LOSS = re.compile(r"(loss\s*=\s*)(['\"])(\w+crossentropy)\2")


def planted(text: str) -> str:
    """The fixture with its first crossentropy loss misspelt (fixable)."""
    return _LOSS.sub(lambda m: f"{m[1]}{m[2]}{m[3][:-1]}{m[2]}", text, count=1)


PY_FIXTURES = sorted(p for p in FIXTURES.glob("*.py"))
FIXABLE_FIXTURES = [
    p
    for p in PY_FIXTURES
    if wanted_fixes(check_bytes(p.name, planted(p.read_text(encoding="utf-8")).encode(), SETTINGS).diagnostics, True)
]


def _codec_for(text: str) -> str:
    for encoding in ("latin-1 cookie", "cp1252 cookie"):
        try:
            text.encode(ENCODINGS[encoding][0])
            return encoding
        except UnicodeEncodeError:
            continue
    return "utf-8 BOM"


def test_there_are_fixtures_to_fix() -> None:
    assert len(FIXABLE_FIXTURES) >= 15


@pytest.mark.parametrize("path", FIXABLE_FIXTURES, ids=lambda p: p.stem)
def test_each_fixture_in_a_hostile_layout_changes_only_its_literals(path: Path) -> None:
    text = planted(path.read_text(encoding="utf-8"))
    plain, plain_applied, _ = fix(path.name, text.encode("utf-8"))
    assert plain_applied > 0
    # CRLF, LF and CR in turn (the cookie's line not CR-ended: see
    # test_generated_programs...), a form feed before every statement, a
    # leading form feed and a final lone CR, in a legacy encoding.
    data = render(text, ["\r\n", "\n", "\r"], statement_starts(text), _codec_for(text), 2, "\f", "\r")
    _, applied, _ = fix(path.name, data)
    assert applied == plain_applied


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    path=st.sampled_from(FIXABLE_FIXTURES),
    newlines=LINE_ENDINGS,
    feeds=st.lists(st.booleans(), min_size=40, max_size=40),
    encoding=st.sampled_from(sorted(ENCODINGS)),
    head=HEADS,
    tail=TAILS,
)
def test_fixtures_in_any_layout_change_only_their_literals(
    path: Path, newlines: list[str], feeds: list[bool], encoding: str, head: str, tail: str
) -> None:
    text = planted(path.read_text(encoding="utf-8"))
    try:
        text.encode(ENCODINGS[encoding][0])
    except UnicodeEncodeError:
        encoding = "utf-8 cookie"
    form_feeds = {number for number in statement_starts(text) if feeds[number % len(feeds)]}
    fix(path.name, render(text, newlines, form_feeds, encoding, 1, head, tail))


# -- The fixture notebooks ---------------------------------------------------------------


def _notebook_variants(path: Path) -> list[tuple[str, bytes]]:
    original = path.read_bytes()
    found = re.search(rb'loss=\\"\w+(crossentropy)\\"', original)
    if found is None:
        return []
    typo = original[: found.start(1)] + b"crossentrop" + original[found.end(1) :]
    document = json.loads(typo)
    variants = [("as saved", typo)]
    for label, change in (
        ("form feeds", lambda line, first: ("\f" + line) if first else line),
        ("CRLF", lambda line, first: line[:-1] + "\r\n" if line.endswith("\n") else line),
    ):
        changed = json.loads(typo)
        for cell in changed["cells"]:
            if cell["cell_type"] == "code" and isinstance(cell["source"], list):
                cell["source"] = [change(line, number == 0) for number, line in enumerate(cell["source"])]
        variants.append((label, (json.dumps(changed, indent=1, ensure_ascii=False) + "\n").encode("utf-8")))
    assert document["cells"]
    return variants


NOTEBOOKS = [
    pytest.param(path, label, data, id=f"{path.stem}-{label}")
    for path in sorted(FIXTURES.glob("*.ipynb"))
    for label, data in _notebook_variants(path)
]


def test_there_are_notebooks_to_fix() -> None:
    assert len({p.values[0] for p in NOTEBOOKS}) >= 2


@pytest.mark.parametrize(("path", "label", "data"), NOTEBOOKS)
def test_fixture_notebooks_change_only_their_literals(path: Path, label: str, data: bytes) -> None:
    fixed, applied, _ = fix(path.name, data)
    if label == "as saved":
        assert applied >= 1 and fixed == path.read_bytes()
