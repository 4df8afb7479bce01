"""Hostile input: each gives one clear line naming the file and the problem
(or correct findings), never a traceback, and the other files are still
checked."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from helpers import BUGGY, findings, run, write

GOOD = "zz_good.py"  # sorts last: checked after the hostile file


def check(tmp_path: Path, name: str, expected: str | None) -> list[str]:
    write(tmp_path, GOOD, BUGGY)
    result = run(".", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.stderr == ""
    assert result.returncode == 1
    lines = findings(result.stdout)
    assert lines[-1].startswith(f"{GOOD}:4:38: KL101 "), "the other file is still checked"
    mine = [line for line in lines if line.startswith(name + ":")]
    assert expected is None and not mine or any(expected in line for line in mine), mine
    return mine


def test_non_utf8_without_a_coding_cookie(tmp_path: Path) -> None:
    write(tmp_path, "a.py", b"import keras\nname = 'caf\xe9'\n")
    check(tmp_path, "a.py", "a.py:1:1: KL002 cannot read file: cannot decode as utf-8")


def test_non_utf8_with_a_coding_cookie_is_read(tmp_path: Path) -> None:
    write(tmp_path, "a.py", ("# coding: latin-1\nname = 'caf\xe9'\n" + BUGGY).encode("latin-1"))
    check(tmp_path, "a.py", "a.py:6:38: KL101 ")


def test_utf8_bom(tmp_path: Path) -> None:
    write(tmp_path, "a.py", b"\xef\xbb\xbf" + BUGGY.encode())
    check(tmp_path, "a.py", "a.py:4:38: KL101 ")


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_other_line_endings(tmp_path: Path, newline: str) -> None:
    write(tmp_path, "a.py", BUGGY.replace("\n", newline).encode())
    check(tmp_path, "a.py", "a.py:4:38: KL101 ")


def test_nul_bytes(tmp_path: Path) -> None:
    write(tmp_path, "a.py", b"import keras\nx = 1\x00\n")
    check(tmp_path, "a.py", " KL001 syntax error: source code string cannot contain null bytes")


def test_empty_file(tmp_path: Path) -> None:
    write(tmp_path, "a.py", b"")
    assert check(tmp_path, "a.py", None) == []


def test_binary_file_named_py(tmp_path: Path) -> None:
    write(tmp_path, "a.py", bytes(range(256)) * 40)
    check(tmp_path, "a.py", "a.py:1:1: KL002 cannot read file:")


def test_twenty_megabyte_file(tmp_path: Path) -> None:
    write(tmp_path, "a.py", "import keras\n" + "x = 1\n" * (20 * 1024 * 1024 // 6))
    check(tmp_path, "a.py", "a.py:1:1: KL002 file too large to analyse (20.0 MB of code; limit 0.5 MB)")


@pytest.mark.parametrize(
    "expression",
    ["(" * 10_000 + "1" + ")" * 10_000, "-" * 10_000 + "1", "a." * 10_000 + "b", "1" + " + 1" * 10_000],
    ids=["parentheses", "unary", "attributes", "binary"],
)
def test_expressions_nested_ten_thousand_deep(tmp_path: Path, expression: str) -> None:
    write(tmp_path, "a.py", f"import keras\nx = {expression}\n")
    check(tmp_path, "a.py", " KL001 syntax error:")


def test_deep_but_legal_nesting_is_analysed(tmp_path: Path) -> None:
    write(tmp_path, "a.py", "import keras\nx = " + "-" * 900 + "1\n" + BUGGY)
    check(tmp_path, "a.py", "a.py:6:38: KL101 ")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "invalid notebook: not JSON"),
        (json.dumps({"nbformat": 4}), "invalid notebook: no `cells` list"),
        (json.dumps({"cells": [{"cell_type": "code"}]}), "invalid notebook: cell 1 has no `source`"),
    ],
    ids=["not-json", "wrong-schema", "missing-source"],
)
def test_invalid_notebooks(tmp_path: Path, content: str, reason: str) -> None:
    write(tmp_path, "a.ipynb", content)
    check(tmp_path, "a.ipynb", f"a.ipynb:1:1: KL002 cannot read file: {reason}")


def test_directory_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    write(tmp_path, "pkg/model.py", BUGGY)
    os.symlink(tmp_path / "pkg", tmp_path / "pkg" / "loop")
    os.symlink(tmp_path, tmp_path / "pkg" / "up")
    mine = check(tmp_path, "pkg/model.py", "pkg/model.py:4:38: KL101 ")
    assert len(mine) == 1


# Root reads every file whatever its mode: as root, the check runs as
# `nobody` (a first run imports everything, then the privileges are dropped).
AS_NOBODY = """
import contextlib, io, os, sys
from keraslint.cli import main
# Whatever a run imports lazily is imported now, while the files of the
# interpreter (in root's home, perhaps) can still be read.
with contextlib.redirect_stdout(io.StringIO()):
    main(["zz_good.py", "--no-cache", "--exit-zero"])
os.setgroups([])
os.setgid(65534)
os.setuid(65534)
sys.exit(main(sys.argv[1:]))
"""


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        path = write(tmp_path, "a.py", BUGGY)
        path.chmod(0)
        check(tmp_path, "a.py", "a.py:1:1: KL002 cannot read file: Permission denied")
        return
    # tmp_path's parents are private to root: `nobody` needs a folder it can enter.
    folder = Path(tempfile.mkdtemp(prefix="keraslint-unreadable-"))
    try:
        folder.chmod(0o755)
        write(folder, "a.py", BUGGY).chmod(0o600)
        write(folder, GOOD, BUGGY).chmod(0o644)
        result = subprocess.run(
            [sys.executable, "-c", AS_NOBODY, ".", "--no-cache"], cwd=folder, capture_output=True, text=True
        )
        if "Operation not permitted" in result.stderr:
            pytest.skip("this root may not change its user id")
        assert result.stderr == "" and result.returncode == 1
        lines = findings(result.stdout)
        assert lines[0] == "a.py:1:1: KL002 cannot read file: Permission denied"
        assert lines[-1].startswith(f"{GOOD}:4:38: KL101 ") and len(lines) == 2
    finally:
        shutil.rmtree(folder)


def test_fifo_named_py_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.py")
    check(tmp_path, "a.py", "a.py:1:1: KL002 cannot read file: not a regular file")


def test_dangling_symlink_and_directory_named_py(tmp_path: Path) -> None:
    os.symlink(tmp_path / "missing.py", tmp_path / "a.py")
    (tmp_path / "b.py").mkdir()
    write(tmp_path, GOOD, BUGGY)
    result = run("a.py", "b.py", GOOD, cwd=tmp_path)
    assert "Traceback" not in result.stderr and result.returncode == 1
    lines = findings(result.stdout)
    assert lines[0] == "a.py:1:1: KL002 cannot read file: No such file or directory"
    assert lines[-1].startswith(f"{GOOD}:4:38: KL101")


def test_missing_path(tmp_path: Path) -> None:
    write(tmp_path, GOOD, BUGGY)
    result = run("nope/none.py", GOOD, cwd=tmp_path)
    assert result.stdout.splitlines()[0] == "nope/none.py:1:1: KL002 cannot read file: No such file or directory"


def test_linted_code_is_never_imported_or_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    code = f"import pathlib\npathlib.Path({str(marker)!r}).write_text('x')\nimport keras\n" + BUGGY
    write(tmp_path, "evil.py", code)
    write(tmp_path, "evil.ipynb", json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "source": code}]}))
    write(tmp_path, "sitecustomize.py", code)
    result = run(".", "--output-format", "json", cwd=tmp_path)
    assert result.returncode == 1
    assert not marker.exists()


def test_tabs_in_indentation_that_python_accepts_and_libcst_does_not(tmp_path: Path) -> None:
    # A space then a tab, then deeper lines in spaces: Python reads the tab
    # as a move to column 8; LibCST 1.9 rejects the file.
    text = (
        "from tensorflow import keras\n"
        "\n"
        "def build():\n"
        ' \tmodel = keras.Sequential([keras.layers.Dense(1, activation="softmax")])\n'
        " \tfor layer in model.layers:\n"
        "         print(layer)\n"
        " \treturn model\n"
        "\n"
        "model = build()\n"
        'model.compile(optimizer="adam", loss="binary_crossentropy")\n'
    )
    compile(text, "m.py", "exec")  # valid Python
    write(tmp_path, "m.py", text)
    result = run("m.py", "--no-cache", "--output-format", "json", cwd=tmp_path)
    (finding,) = json.loads(result.stdout)
    column = text.splitlines()[3].index('"softmax"') + 1
    assert (finding["code"], finding["location"]["row"], finding["location"]["column"]) == ("KL101", 4, column)
    assert finding["fix"] is None  # computed on the expanded text: not offered
    assert run("m.py", "--fix", "--no-cache", cwd=tmp_path).returncode == 1
    assert (tmp_path / "m.py").read_text() == text
