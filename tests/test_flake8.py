"""The flake8 plugin, run by the real ``flake8`` as a user runs it: a subprocess.

The plugin is found through the ``flake8.extension`` entry point of the
installed keraslint. flake8 runs with ``--isolated`` (no configuration file
is read) except where a test is about the configuration.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import helpers

ROOT = Path(__file__).resolve().parents[1]
FLAKE8 = Path(sys.executable).parent / "flake8"
DOC = ROOT / "docs" / "flake8.md"
FIXTURES = sorted((ROOT / "fixtures").glob("*.py"))

# path:line:col: CODE text
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) (?P<text>.*)$")

# Line 4 (KL101 at column 38) is filled in by the tests; line 8 has a loss
# name typo (KL301), line 1 an unused import (F401), line 9 an E225.
TEMPLATE = """\
import os
from tensorflow import keras
model = keras.Sequential([
{line4}
])
model.compile(optimizer="adam", loss="binary_crossentropy")
typo = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
typo.compile(optimizer="adam", loss="categorical_cross_entropy")
x=1
"""
SOFTMAX_LINE = '    keras.layers.Dense(1, activation="softmax"),'


Finding = tuple[str, int, int, str, str]


def parse(stdout: str) -> list[Finding]:
    findings = []
    for line in helpers.findings(stdout):
        match = LINE.match(line)
        assert match, f"not a flake8-style line: {line!r}"
        # keraslint's CLI marks what --fix fixes with ``[*]``, as ruff;
        # the message after it is flake8's.
        text = match["text"].removeprefix("[*] ")
        findings.append((match["path"], int(match["line"]), int(match["col"]), match["code"], text))
    return findings


def flake8(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert FLAKE8.exists(), f"flake8 is not installed next to {sys.executable}"
    return subprocess.run([str(FLAKE8), *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=300)


def codes(result: subprocess.CompletedProcess[str]) -> list[tuple[int, str]]:
    assert result.stderr == "", result.stderr
    return sorted((line, code) for _, line, _, code, _ in parse(result.stdout))


def write_module(tmp_path: Path, line4: str = SOFTMAX_LINE, name: str = "churn.py") -> Path:
    path = tmp_path / name
    path.write_text(TEMPLATE.format(line4=line4))
    return path


def doc_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", DOC.read_text(), flags=re.MULTILINE | re.DOTALL)


# Same findings as the keraslint command -----------------------------------------


def test_flake8_reports_exactly_what_keraslint_reports_on_every_fixture() -> None:
    assert len(FIXTURES) >= 30
    paths = [str(path.relative_to(ROOT)) for path in FIXTURES]
    via_flake8 = flake8("--isolated", "--select", "KL", *paths, cwd=ROOT)
    via_cli = subprocess.run(
        [sys.executable, "-m", "keraslint", "--isolated", "--output-format", "concise", *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert via_cli.returncode == 1, via_cli.stderr
    assert via_cli.stderr == ""
    assert via_flake8.returncode == 1, via_flake8.stderr
    assert via_flake8.stderr == ""
    expected = Counter(parse(via_cli.stdout))
    got = Counter(parse(via_flake8.stdout))
    assert got == expected, (
        f"only from flake8: {sorted((got - expected).elements())}\n"
        f"only from keraslint: {sorted((expected - got).elements())}"
    )
    # The comparison is not vacuous: many files, many rules.
    assert len({finding[0] for finding in expected}) >= 20
    assert len({finding[3] for finding in expected}) >= 10


# flake8's own machinery applies to KL codes ------------------------------------------


@pytest.mark.parametrize(
    ("comment", "kl101_reported"),
    [
        ("", True),
        ("  # noqa: KL101", False),
        ("  # noqa", False),
        ("  # noqa:KL101,E501", False),
        ("  # noqa: KL102", True),  # another code
        ("  # noqa: E501", True),
    ],
    ids=["no-comment", "noqa-KL101", "bare-noqa", "noqa-list", "noqa-other-KL", "noqa-E501"],
)
def test_noqa_on_the_reported_line(tmp_path: Path, comment: str, kl101_reported: bool) -> None:
    write_module(tmp_path, SOFTMAX_LINE + comment)
    found = codes(flake8("--isolated", "--select", "KL", "churn.py", cwd=tmp_path))
    assert ((4, "KL101") in found) is kl101_reported
    assert (8, "KL301") in found  # a noqa on line 4 silences line 4 only


def test_noqa_is_applied_by_flake8_not_by_the_plugin(tmp_path: Path) -> None:
    write_module(tmp_path, SOFTMAX_LINE + "  # noqa: KL101")
    found = codes(flake8("--isolated", "--select", "KL", "--disable-noqa", "churn.py", cwd=tmp_path))
    assert (4, "KL101") in found


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("# keraslint: noqa", [(1, "F401"), (9, "E225")]),
        ("# keraslint: noqa: KL101", [(1, "F401"), (8, "KL301"), (9, "E225")]),
        ("# keraslint: noqa: KL101, KL301", [(1, "F401"), (9, "E225")]),
        ("# noqa: KL999", [(1, "F401"), (4, "KL101"), (8, "KL301"), (9, "E225")]),  # the control
    ],
    ids=["whole-file", "one-code", "two-codes", "control"],
)
def test_file_level_keraslint_noqa_as_the_command_line_honours_it(
    tmp_path: Path, comment: str, expected: list[tuple[int, str]]
) -> None:
    """``# keraslint: noqa`` skips the file's KL findings (and only those:
    flake8's own codes stay), as ``keraslint`` does; flake8 knows nothing of
    the comment, so the plugin applies it."""
    path = write_module(tmp_path)
    path.write_text(path.read_text() + comment + "\n")
    assert codes(flake8("--isolated", "--extend-select", "KL", "churn.py", cwd=tmp_path)) == expected
    cli = subprocess.run(
        [sys.executable, "-m", "keraslint", "--isolated", "--output-format", "concise", "churn.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert sorted((line, code) for _, line, _, code, _ in parse(cli.stdout)) == [
        finding for finding in expected if finding[1].startswith("KL")
    ]


def test_noqa_on_another_line_of_the_model_does_not_silence(tmp_path: Path) -> None:
    path = write_module(tmp_path)
    path.write_text(path.read_text().replace('"binary_crossentropy")', '"binary_crossentropy")  # noqa: KL101'))
    assert (4, "KL101") in codes(flake8("--isolated", "--select", "KL", "churn.py", cwd=tmp_path))


def test_extend_select_adds_kl_to_the_default_and_to_a_restricted_selection(tmp_path: Path) -> None:
    write_module(tmp_path)
    everything = [(1, "F401"), (4, "KL101"), (8, "KL301"), (9, "E225")]
    assert codes(flake8("--isolated", "--extend-select", "KL", "churn.py", cwd=tmp_path)) == everything
    # The control: a selection without KL drops it; --extend-select brings it back.
    assert codes(flake8("--isolated", "--select", "E,F,W", "churn.py", cwd=tmp_path)) == [(1, "F401"), (9, "E225")]
    restricted = flake8("--isolated", "--select", "E,F,W", "--extend-select", "KL", "churn.py", cwd=tmp_path)
    assert codes(restricted) == everything


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("KL1", [(4, "KL101")]), ("KL3", [(8, "KL301")]), ("KL101", [(4, "KL101")]), ("KL", [(4, "KL101"), (8, "KL301")])],
)
def test_select_filters_by_prefix(tmp_path: Path, prefix: str, expected: list[tuple[int, str]]) -> None:
    write_module(tmp_path)
    assert codes(flake8("--isolated", "--select", prefix, "churn.py", cwd=tmp_path)) == expected


def test_positions_and_text_are_keraslints(tmp_path: Path) -> None:
    write_module(tmp_path)
    (finding,) = [f for f in parse(flake8("--isolated", "--select", "KL1", "churn.py", cwd=tmp_path).stdout)]
    assert finding[:4] == ("churn.py", 4, 38, "KL101")
    assert finding[4].startswith("`softmax` over a single unit always outputs 1.0")
    assert finding[4].endswith("; use `sigmoid` for a binary output, or one unit per class with `softmax`")


# The snippets of docs/flake8.md -------------------------------------------------


def test_documented_commands_report_keraslint_findings(tmp_path: Path) -> None:
    write_module(tmp_path)
    commands = [
        shlex.split(line) for block in doc_blocks("sh") for line in block.splitlines() if line.startswith("flake8 ")
    ]
    assert commands, f"{DOC} shows no flake8 command in a ```sh block"
    for command in commands:
        found = codes(flake8("--isolated", *command[1:], cwd=tmp_path))
        assert (4, "KL101") in found and (8, "KL301") in found, command


def test_documented_noqa_line_silences_kl101(tmp_path: Path) -> None:
    (block,) = doc_blocks("python")
    (line,) = block.splitlines()
    assert "# noqa: KL101" in line
    write_module(tmp_path, "    " + line)
    found = codes(flake8("--isolated", "--select", "KL", "churn.py", cwd=tmp_path))
    assert found == [(8, "KL301")]


@pytest.mark.parametrize("config_file", [".flake8", "setup.cfg", "tox.ini"])
def test_documented_config_keeps_kl_on_when_select_restricts(tmp_path: Path, config_file: str) -> None:
    (snippet,) = doc_blocks("ini")
    assert snippet.splitlines()[0] == "[flake8]"
    write_module(tmp_path)
    config = tmp_path / config_file

    config.write_text(snippet)
    assert codes(flake8("churn.py", cwd=tmp_path)) == [(1, "F401"), (4, "KL101"), (8, "KL301"), (9, "E225")]

    # A project that restricts flake8 with `select`: without the snippet's
    # line KL is off, with it KL is on.
    restricted = "[flake8]\nselect = E,F,W\n"
    config.write_text(restricted)
    assert codes(flake8("churn.py", cwd=tmp_path)) == [(1, "F401"), (9, "E225")]
    config.write_text(restricted + snippet.split("\n", 1)[1])
    assert codes(flake8("churn.py", cwd=tmp_path)) == [(1, "F401"), (4, "KL101"), (8, "KL301"), (9, "E225")]


RUFF_FILE = """\
import os  # noqa: E501
from tensorflow import keras
model = keras.Sequential([keras.layers.Dense(1, activation="softmax")])  # noqa: KL101
model.compile(optimizer="adam", loss="binary_crossentropy")
print(os.sep)
"""


def test_documented_ruff_config_keeps_kl_noqa_codes(tmp_path: Path) -> None:
    if importlib.util.find_spec("ruff") is None:
        pytest.skip(f"ruff is not installed in {sys.prefix} (not a test dependency): the ruff snippet is not checked")
    (snippet,) = doc_blocks("toml")
    (tmp_path / "pyproject.toml").write_text(snippet)
    (tmp_path / "model.py").write_text(RUFF_FILE)

    def ruff(*config: str) -> list[tuple[int, str, str]]:
        result = subprocess.run(
            [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", *config]
            + ["--select", "RUF100,RUF102", "model.py"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert result.returncode in (0, 1), result.stdout + result.stderr
        return [(int(m["line"]), m["code"], m["text"]) for m in map(LINE.match, result.stdout.splitlines()) if m]

    # The control: without the snippet ruff flags the KL101 in the noqa
    # (RUF102 "invalid rule code"; in older ruff, RUF100 "unknown code").
    without = ruff("--isolated")
    assert any(line == 3 and "KL101" in text for line, _, text in without), without
    with_snippet = ruff("--config", str(tmp_path / "pyproject.toml"))
    assert not any(line == 3 for line, _, _ in with_snippet), with_snippet
    # ...while RUF100 still runs: the unneeded E501 on line 1 is reported.
    assert any(line == 1 and code == "RUF100" for line, code, _ in with_snippet), with_snippet
