"""Fuzzing the surfaces issue 10's adversarial trial attacked beyond source
code: notebook JSON (deep nesting, huge numbers, old nbformat), the
contents of ``pyproject.toml``, cache entries, file names (not UTF-8,
control characters, very long) through discovery and every output format,
and the arguments of ``--select``. Whatever the input: no exception escapes,
a problem is one clear line (KL002 or a ``ConfigError``), the output is
writable to a strict UTF-8 stream and one finding is one line.

The language server's messages are fuzzed in ``tests/test_server_*.py``;
source code, cookies and Keras-shaped notebooks in ``tests/test_fuzz.py``.
No example database and no fixed seed: each CI run tries new inputs.
"""

from __future__ import annotations

import io
import json
import os
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import BUGGY
from keraslint.cache import Cache
from keraslint.checker import UNREADABLE
from keraslint.config import ConfigError, Settings, find_config, load_config
from keraslint.reporters import REPORTERS
from keraslint.runner import KNOWN_CODES, check_bytes, check_paths
from keraslint.selection import UnknownSelector, parse_codes

FUZZ = settings(
    database=None,
    derandomize=False,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
NOTEBOOK_SETTINGS = settings(FUZZ, max_examples=300)
TOML_SETTINGS = settings(FUZZ, max_examples=400)
CACHE_SETTINGS = settings(FUZZ, max_examples=300)
NAME_SETTINGS = settings(FUZZ, max_examples=60)
SELECTOR_SETTINGS = settings(FUZZ, max_examples=300)

PLANNED = {
    "hostile notebook JSON": NOTEBOOK_SETTINGS.max_examples,
    "pyproject.toml contents": TOML_SETTINGS.max_examples,
    "cache entries": CACHE_SETTINGS.max_examples,
    "file names x output formats": NAME_SETTINGS.max_examples * len(REPORTERS),
    "rule selectors": SELECTOR_SETTINGS.max_examples,
}


def test_at_least_1500_inputs_on_the_new_surfaces() -> None:
    assert sum(PLANNED.values()) >= 1500, PLANNED


def run_counted(test, expected: int) -> None:
    test.calls = 0
    test()
    assert test.calls >= expected, f"only {test.calls} of {expected} generated inputs were run"


# -- notebooks ----------------------------------------------------------------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
)


@st.composite
def hostile_json(draw) -> str:
    """JSON text with, somewhere, something Python's json module chokes on
    beyond syntax: nesting deeper than the recursion limit, an integer of
    thousands of digits, NaN, lone surrogates, or plain bad syntax."""
    depth = draw(st.sampled_from([1, 10, 900, 5_000, 60_000]))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a": ', "}")]))
    leaf = draw(
        st.sampled_from(
            [
                "1",
                "1" * draw(st.integers(4_000, 6_000)),
                "-" + "9" * 4_400,
                "NaN",
                "1e999999",
                '"\\ud800"',
                '"\\udcff"',
                "[",
                "",
                "tru",
            ]
        )
    )
    nested = opener * depth + leaf + closer * depth
    cells = draw(
        st.sampled_from(
            [
                '"cells": ' + nested,
                '"cells": [{"cell_type": "code", "source": ' + nested + "}]",
                '"cells": [], "metadata": ' + nested,
                '"worksheets": [{"cells": []}], "nbformat": ' + draw(st.sampled_from(["3", "2", '"3"', nested])),
                '"cells": [{"cell_type": "code", "source": "import keras\\n", "outputs": ' + nested + "}]",
            ]
        )
    )
    return "{" + cells + "}"


def test_hostile_notebook_json() -> None:
    @NOTEBOOK_SETTINGS
    @given(hostile_json(), st.booleans())
    def prop(text: str, bom: bool) -> None:
        prop.calls += 1
        data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", "surrogatepass")
        result = check_bytes("hostile.ipynb", data, Settings())
        assert not result.internal_errors
        for diagnostic in result.diagnostics:
            assert "\n" not in diagnostic.message
            if result.source is None:
                assert diagnostic.code == UNREADABLE
        _render_everywhere([result])

    run_counted(prop, NOTEBOOK_SETTINGS.max_examples)


# -- pyproject.toml -----------------------------------------------------------

TOML_KEYS = ["select", "ignore", "extend-select", "per-file-ignores", "exclude", "extend-exclude", "tool", "x", ""]
TOML_VALUES = st.sampled_from(
    [
        "1",
        '"KL101"',
        '["KL1"]',
        '[""]',
        "[]",
        "[1, 2]",
        '["KL999"]',
        "true",
        "{}",
        '{"*.py" = ["KL1"]}',
        '{"*.py" = "KL1"}',
        "9" * 5_000,
        "[" * 3_000 + "]" * 3_000,
        "{a = " * 2_000 + "1" + "}" * 2_000,
        '"\\ud800"',
        "nan",
        "1979-05-27T07:32:00Z",
    ]
)


@st.composite
def pyproject_texts(draw) -> str:
    header = draw(st.sampled_from(["[tool.keraslint]", "[tool]", "[project]", "", "tool = 1", "[tool.keraslint.x]"]))
    lines = [header]
    for _ in range(draw(st.integers(0, 4))):
        key = draw(st.sampled_from(TOML_KEYS))
        if key:
            lines.append(f"{key} = {draw(TOML_VALUES)}")
        else:
            lines.append(draw(st.text(alphabet=string.printable, max_size=20)))
    return "\n".join(lines) + "\n"


def test_pyproject_contents(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("toml")
    path = folder / "pyproject.toml"

    @TOML_SETTINGS
    @given(pyproject_texts(), st.booleans())
    def prop(text: str, as_bytes: bool) -> None:
        prop.calls += 1
        if as_bytes:
            path.write_bytes(text.encode("utf-8", "surrogateescape") + b"\xff" * (len(text) % 2))
        else:
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        found = find_config(folder / "a.py")
        assert found in (None, path)
        try:
            settings_ = load_config(path, KNOWN_CODES)
        except ConfigError as error:
            message = str(error)
            assert message.startswith(str(path)) and "\n" not in message.strip()
            return
        assert isinstance(settings_, Settings)

    run_counted(prop, TOML_SETTINGS.max_examples)


# -- cache entries --------------------------------------------------------------

ENTRY_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=6),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=5),
    max_leaves=12,
)


@st.composite
def cache_entries(draw, key: str) -> bytes:
    diagnostic = st.fixed_dictionaries(
        {
            "code": st.sampled_from(["KL101", 5, None]) | ENTRY_VALUES,
            "span": st.lists(st.integers(-(2**40), 2**40), max_size=5) | ENTRY_VALUES,
            "message": st.text(max_size=10) | ENTRY_VALUES,
            "hint": st.none() | ENTRY_VALUES,
            "fix": st.none() | ENTRY_VALUES,
        }
    )
    document = draw(
        st.one_of(
            ENTRY_VALUES,
            st.fixed_dictionaries({"key": st.just(key) | st.text(max_size=4), "diagnostics": st.lists(diagnostic)}),
            st.fixed_dictionaries({"key": st.just(key), "diagnostics": ENTRY_VALUES}),
        )
    )
    text = json.dumps(document)
    if draw(st.integers(0, 5)) == 0:
        text = text[: draw(st.integers(0, len(text)))]  # a torn write
    return text.encode()


def test_cache_entries(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("cache")
    cache = Cache(folder / "cache")
    key = Cache.key(b"import keras\n", "m.py", ("KL101",))
    entry = folder / "cache" / key[:2] / f"{key}.json"
    entry.parent.mkdir(parents=True)

    @CACHE_SETTINGS
    @given(cache_entries(key))
    def prop(data: bytes) -> None:
        prop.calls += 1
        entry.write_bytes(data)
        found = cache.get(key)
        if found is None:
            return  # a miss: the file is checked again
        # A hit is a list of well-formed diagnostics that every format can show.
        for diagnostic in found:
            assert isinstance(diagnostic.code, str) and isinstance(diagnostic.message, str)
            assert all(isinstance(n, int) for n in (diagnostic.span.start.line, diagnostic.span.end.column))

    run_counted(prop, CACHE_SETTINGS.max_examples)


# -- file names through discovery and every output format -----------------------

NAME_CHARACTERS = st.one_of(
    st.sampled_from(list("ab_.-é ")),
    st.sampled_from(["\n", "\r", "\t", "\x1b", "\x7f", "\x85", "\u2028", ":", "%", ",", "\\", "'", '"']),
    st.binary(min_size=1, max_size=1).map(lambda b: os.fsdecode(bytes([b[0] | 0x80]))),  # not UTF-8
)


@st.composite
def file_names(draw) -> str:
    stem = "".join(draw(st.lists(NAME_CHARACTERS, min_size=1, max_size=12)))
    if draw(st.integers(0, 6)) == 0:
        stem = stem * (200 // len(stem) + 1)  # near the 255-byte limit
    stem = stem.replace("/", "_").replace("\x00", "_")
    while len(os.fsencode(stem)) > 240:
        stem = stem[:-1]
    return stem + draw(st.sampled_from([".py", ".ipynb"]))


def _render_everywhere(results) -> None:
    """Every output format writes the results to a strict UTF-8 stream, and
    the line formats give one line per finding."""
    findings = sum(len(result.diagnostics) for result in results)
    for name, reporter in REPORTERS.items():
        buffer = io.BytesIO()
        stream = io.TextIOWrapper(buffer, encoding="utf-8", errors="strict", newline="\n")
        reporter(results, stream)
        stream.flush()
        text = buffer.getvalue().decode("utf-8")
        if name in ("concise", "github", "json-lines"):
            # Lines as a log reader, a problem matcher or errorformat split them.
            assert len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")) == findings + 1, (name, text)


def test_file_names(tmp_path_factory: pytest.TempPathFactory) -> None:
    root = tmp_path_factory.mktemp("names")
    notebook = json.dumps(
        {
            "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": BUGGY}],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )

    @NAME_SETTINGS
    @given(file_names())
    def prop(name: str) -> None:
        prop.calls += 1
        folder = root / str(prop.calls)
        folder.mkdir()
        try:
            path = folder / name
            path.write_text(notebook if name.endswith(".ipynb") else BUGGY, encoding="utf-8")
        except OSError:
            return  # a name this file system refuses
        results = check_paths([str(folder)], Settings(root=folder, respect_gitignore=False))
        assert len(results) == 1 and not results[0].internal_errors
        assert [d.code for d in results[0].diagnostics] == ["KL101"]
        _render_everywhere(results)

    run_counted(prop, NAME_SETTINGS.max_examples)


# -- rule selectors ---------------------------------------------------------------


def test_rule_selectors() -> None:
    parts = st.sampled_from(["KL", "KL1", "KL101", "ALL", "", " ", "kl2", "KL9", "E501", "KL1011", "\x00"])

    @SELECTOR_SETTINGS
    @given(st.lists(parts, max_size=5).map(",".join), st.booleans())
    def prop(value: str, allow_empty: bool) -> None:
        prop.calls += 1
        try:
            codes = parse_codes(value, KNOWN_CODES, allow_empty)
        except UnknownSelector as error:
            assert "\n" not in str(error)
            return
        assert codes or allow_empty  # an empty selection is never silently accepted
        assert all(code == "KL" or any(k.startswith(code) for k in KNOWN_CODES) for code in codes)

    run_counted(prop, SELECTOR_SETTINGS.max_examples)


def test_known_codes_listing_is_sorted() -> None:
    with pytest.raises(UnknownSelector) as caught:
        parse_codes("KL999", KNOWN_CODES)
    listed = str(caught.value).split("known codes: ")[1].rstrip(")").split(", ")
    assert listed == sorted(KNOWN_CODES)


def test_paths_named_not_found(tmp_path: Path) -> None:
    # A name with a NUL byte or one too long is one KL002, not an exception.
    for name in ("a\x00b.py", "x" * 5_000 + ".py", "a/" * 3_000 + "b.py"):
        results = check_paths([str(tmp_path / name)], Settings(root=tmp_path, respect_gitignore=False))
        assert [d.code for r in results for d in r.diagnostics] == ["KL002"]
        _render_everywhere(results)
