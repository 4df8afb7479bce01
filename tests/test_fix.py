"""``--fix``, ``--diff`` and ``--unsafe-fixes`` through the CLI."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from helpers import BUGGY, TYPO, run, write

FIXABLE = """\
# Churn model.
from tensorflow import keras

model = keras.Sequential([
    keras.layers.Dense(16, activation='relu'),   # hidden
    keras.layers.Dense(1, activation='softmax'),  # the output
])
model.compile(optimizer="adam", loss="binary_crossentropy")
"""
UNSAFE_ONLY = 'import keras\nhead = keras.layers.Dense(1, activation="softmax")\n'


def test_fix_rewrites_only_the_string_and_keeps_everything_else(tmp_path: Path) -> None:
    path = write(tmp_path, "m.py", FIXABLE)
    os.chmod(path, 0o754)
    result = run("--fix", "m.py", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert "fixed 1 finding(s) in 1 file(s)" in result.stderr
    assert path.read_text() == FIXABLE.replace("'softmax'),  # the output", "'sigmoid'),  # the output")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o754
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".keraslint-")]


def test_fix_is_idempotent(tmp_path: Path) -> None:
    path = write(tmp_path, "m.py", FIXABLE)
    run("--fix", "m.py", cwd=tmp_path)
    once = path.read_bytes()
    second = run("--fix", "m.py", cwd=tmp_path)
    assert path.read_bytes() == once
    assert "fixed" not in second.stderr


def test_fix_reports_what_remains(tmp_path: Path) -> None:
    write(tmp_path, "t.py", TYPO)
    write(tmp_path, "u.py", UNSAFE_ONLY)
    result = run("--fix", ".", cwd=tmp_path)
    assert (tmp_path / "t.py").read_text() == TYPO.replace("categorical_cross_entropy", "categorical_crossentropy")
    assert (tmp_path / "u.py").read_text() == UNSAFE_ONLY  # unsafe: not without --unsafe-fixes
    assert result.returncode == 1
    assert [line.split()[1] for line in result.stdout.splitlines()] == ["KL101"]
    unsafe = run("--fix", "--unsafe-fixes", "u.py", cwd=tmp_path)
    assert unsafe.returncode == 0
    assert (tmp_path / "u.py").read_text() == UNSAFE_ONLY.replace('"softmax"', '"sigmoid"')


def test_diff_shows_and_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, "m.py", FIXABLE)
    result = run("--diff", "m.py", cwd=tmp_path)
    assert result.returncode == 1
    assert path.read_text() == FIXABLE
    assert "--- m.py\n+++ m.py\n" in result.stdout
    assert "-    keras.layers.Dense(1, activation='softmax'),  # the output\n" in result.stdout
    assert "+    keras.layers.Dense(1, activation='sigmoid'),  # the output\n" in result.stdout
    clean = write(tmp_path, "ok.py", "import keras\n")
    assert run("--diff", str(clean.name), cwd=tmp_path).returncode == 0


def test_a_file_with_a_syntax_error_is_never_touched(tmp_path: Path) -> None:
    broken = FIXABLE + "def oops(:\n"
    path = write(tmp_path, "m.py", broken)
    result = run("--fix", "--unsafe-fixes", "m.py", cwd=tmp_path)
    assert path.read_text() == broken
    assert " KL001 " in result.stdout and result.returncode == 1


def test_fix_keeps_the_encoding(tmp_path: Path) -> None:
    latin = ("# -*- coding: latin-1 -*-\n# caf\xe9\n" + FIXABLE).encode("latin-1")
    path = write(tmp_path, "l.py", latin)
    bom = write(tmp_path, "b.py", b"\xef\xbb\xbf" + FIXABLE.encode())
    run("--fix", "l.py", "b.py", cwd=tmp_path)
    assert path.read_bytes() == latin.replace(b"'softmax'), ", b"'sigmoid'), ")
    assert bom.read_bytes().startswith(b"\xef\xbb\xbf") and b"'sigmoid'" in bom.read_bytes()


def test_fix_from_stdin_prints_the_fixed_code(tmp_path: Path) -> None:
    result = run("--fix", "-", "--stdin-filename", "m.py", cwd=tmp_path, stdin=FIXABLE.encode())
    assert result.stdout == FIXABLE.replace("'softmax'", "'sigmoid'")
    assert result.returncode == 0
    remaining = run("--fix", "-", cwd=tmp_path, stdin=BUGGY.replace("binary_crossentropy", "mse").encode())
    assert remaining.stdout == BUGGY.replace("binary_crossentropy", "mse")  # unsafe there: unchanged
    assert " KL101 " in remaining.stderr and remaining.returncode == 1


def test_notebooks_are_not_rewritten(tmp_path: Path) -> None:
    import json

    notebook = json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "source": FIXABLE}], "metadata": {}})
    path = write(tmp_path, "n.ipynb", notebook)
    result = run("--fix", "n.ipynb", cwd=tmp_path)
    assert path.read_text() == notebook
    assert " KL101 " in result.stdout
