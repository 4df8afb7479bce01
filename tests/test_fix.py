"""``--fix``, ``--diff`` and ``--unsafe-fixes`` through the CLI."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

from helpers import BUGGY, TYPO, findings, run, write

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
    assert (result.stdout, result.stderr) == ("Found 1 error (1 fixed, 0 remaining).\n", "")
    assert path.read_text() == FIXABLE.replace("'softmax'),  # the output", "'sigmoid'),  # the output")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o754
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".keraslint-")]


def test_fix_is_idempotent(tmp_path: Path) -> None:
    path = write(tmp_path, "m.py", FIXABLE)
    run("--fix", "m.py", cwd=tmp_path)
    once = path.read_bytes()
    second = run("--fix", "m.py", cwd=tmp_path)
    assert path.read_bytes() == once
    assert second.stdout == "All checks passed!\n"


def test_fix_reports_what_remains(tmp_path: Path) -> None:
    write(tmp_path, "t.py", TYPO)
    write(tmp_path, "u.py", UNSAFE_ONLY)
    result = run("--fix", ".", cwd=tmp_path)
    assert (tmp_path / "t.py").read_text() == TYPO.replace("categorical_cross_entropy", "categorical_crossentropy")
    assert (tmp_path / "u.py").read_text() == UNSAFE_ONLY  # unsafe: not without --unsafe-fixes
    assert result.returncode == 1
    assert [line.split()[1] for line in findings(result.stdout)] == ["KL101"]
    assert "Found 2 errors (1 fixed, 1 remaining).\n" in result.stdout
    unsafe = run("--fix", "--unsafe-fixes", "u.py", cwd=tmp_path)
    assert unsafe.returncode == 0
    assert (tmp_path / "u.py").read_text() == UNSAFE_ONLY.replace('"softmax"', '"sigmoid"')


TWO_HEADS_ONE_LOSS = """\
import tensorflow as tf
inputs = tf.keras.Input(shape=(8,))
first = tf.keras.layers.Dense(10, activation='softmax')(inputs)
second = tf.keras.layers.Dense(10, activation='softmax')(inputs)
model = tf.keras.Model(inputs, [first, second])
model.compile(optimizer='adam', loss='binary_crossentropy')
"""


def test_one_loss_shared_by_two_heads_is_fixed_once_for_both(tmp_path: Path) -> None:
    # Both heads' findings offer the same replacement of the one loss string:
    # it is made once and both findings count as fixed.
    path = write(tmp_path, "m.py", TWO_HEADS_ONE_LOSS)
    listed = run("m.py", cwd=tmp_path)
    assert [line.split()[1] for line in findings(listed.stdout)] == ["KL102", "KL102"]
    result = run("--fix", "--unsafe-fixes", "m.py", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout == "Found 2 errors (2 fixed, 0 remaining).\n"
    assert path.read_text() == TWO_HEADS_ONE_LOSS.replace("'binary_crossentropy'", "'categorical_crossentropy'")


LINEAR_ON_INTEGER_LABELS = """\
import keras
(x_train, y_train), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Dense(10)])
model.compile(optimizer='adam', loss='categorical_crossentropy')
model.fit(x_train, y_train, epochs=5)
"""


def test_two_fixes_of_one_loss_string_are_applied_one_run_after_the_other(tmp_path: Path) -> None:
    # KL202 wants the sparse loss, KL106 the loss object with from_logits:
    # the safe one first, the other on the next run (as ruff does).
    path = write(tmp_path, "m.py", LINEAR_ON_INTEGER_LABELS)
    first = run("--fix", "--unsafe-fixes", "m.py", cwd=tmp_path)
    assert path.read_text() == LINEAR_ON_INTEGER_LABELS.replace(
        "'categorical_crossentropy'", "'sparse_categorical_crossentropy'"
    )
    assert "Found 2 errors (1 fixed, 1 remaining).\n" in first.stdout
    assert [line.split()[1] for line in findings(first.stdout)] == ["KL106"]
    second = run("--fix", "--unsafe-fixes", "m.py", cwd=tmp_path)
    assert second.returncode == 0, second.stdout
    assert "loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True)" in path.read_text()


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


def _diff_u_hunks(before: Path, after: Path) -> str:
    """What ``diff -u`` prints, without its two header lines (they name the
    files and their times)."""
    result = subprocess.run(["diff", "-u", str(before), str(after)], capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr
    return result.stdout.split("\n", 2)[2]


def test_diff_of_a_file_without_a_final_newline_is_diff_u_and_applies(tmp_path: Path) -> None:
    # The last line fixed (TYPO), or kept as context (FIXABLE): either way
    # the line without its newline is followed by diff's marker, and the
    # next line of the diff starts a line of its own.
    for name, text in (("t.py", TYPO.rstrip("\n")), ("f.py", FIXABLE.rstrip("\n"))):
        path = write(tmp_path, name, text)
        shown = run("--diff", "--unsafe-fixes", name, cwd=tmp_path)
        assert shown.returncode == 1, shown.stderr
        patch, summary = shown.stdout.split("\n\n", 1)
        assert summary == "Would fix 1 error.\n"
        assert patch.startswith(f"--- {name}\n+++ {name}\n")
        assert "\\ No newline at end of file" in patch
        fixed = write(tmp_path, f"fixed-{name}", text)
        run("--fix", "--unsafe-fixes", fixed.name, cwd=tmp_path)
        assert not fixed.read_text().endswith("\n")
        assert patch.split("\n", 2)[2] + "\n" == _diff_u_hunks(path, fixed)
        # git applies it (a glued or unmarked last line is a corrupt patch).
        applied = subprocess.run(
            ["git", "apply", "-p0", "-"], cwd=tmp_path, input=patch + "\n", capture_output=True, text=True, check=False
        )
        assert applied.returncode == 0, applied.stderr
        assert path.read_bytes() == fixed.read_bytes()


def test_diff_of_a_file_ending_with_a_newline_has_no_marker(tmp_path: Path) -> None:
    write(tmp_path, "t.py", TYPO)
    fixed = write(tmp_path, "fixed.py", TYPO.replace("categorical_cross_entropy", "categorical_crossentropy"))
    shown = run("--diff", "t.py", cwd=tmp_path)
    assert "No newline" not in shown.stdout
    assert shown.stdout.split("\n", 2)[2] == _diff_u_hunks(tmp_path / "t.py", fixed) + "\nWould fix 1 error.\n"


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


def test_fix_from_stdin_too_large_to_check_is_reported_as_without_fix(tmp_path: Path) -> None:
    # The input over the limit is given back unchanged; its KL002 is
    # reported as any `--fix -` report (stderr, or -o, in the chosen format,
    # with the summary line), the same lines `check -` prints on stdout.
    big = write(tmp_path, "big.py", "x = 1\n" * (64 * 1024 * 1024 // 6 + 1))
    data = big.read_bytes()
    kl002 = "big.py:1:1: KL002 cannot read file: too large to read (more than 64 MB)\n"

    def stdin_run(*args: str) -> subprocess.CompletedProcess[bytes]:
        with open(big, "rb") as stdin:
            return subprocess.run(
                [sys.executable, "-m", "keraslint", "check", *args, "--stdin-filename", "big.py", "-"],
                stdin=stdin,
                cwd=tmp_path,
                capture_output=True,
                check=False,
            )

    checked = stdin_run()
    assert (checked.returncode, checked.stdout.decode()) == (1, kl002 + "Found 1 error.\n")
    fixed = stdin_run("--fix")
    assert fixed.stdout == data
    assert (fixed.returncode, fixed.stderr.decode()) == (1, kl002 + "Found 1 error.\n")
    quiet = stdin_run("--fix", "-q")
    assert (quiet.returncode, quiet.stderr.decode()) == (1, kl002)
    to_file = stdin_run("--fix", "--output-format", "json", "-o", "report.json", "--exit-zero")
    assert (to_file.returncode, to_file.stderr, to_file.stdout == data) == (0, b"", True)
    assert [(f["code"], f["filename"]) for f in json.loads((tmp_path / "report.json").read_text())] == [
        ("KL002", "big.py")
    ]


def _notebook(cells: list[tuple[str, str]], **layout: object) -> tuple[dict, str]:
    """A notebook as Jupyter writes it: sources as lists of lines, outputs,
    metadata, ``indent=1``, non-ASCII kept, a final newline."""
    document = {
        "cells": [
            {
                "cell_type": kind,
                "metadata": {},
                "source": [line for line in _lines(text)],
                **({"execution_count": None, "outputs": []} if kind == "code" else {}),
            }
            for kind, text in cells
        ],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    options = {"indent": 1, "ensure_ascii": False, **layout}
    return document, json.dumps(document, **options) + "\n"


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


NOTEBOOK_CELLS = [
    ("markdown", "# Churn — a first model\n\nÉtude: *softmax* vs sigmoid."),
    ("code", "!pip install -q tensorflow\n%matplotlib inline\nfrom tensorflow import keras"),
    (
        "code",
        "model = keras.Sequential([\n    keras.layers.Dense(16, activation='relu'),\n    keras.layers.Dense(1, activation='softmax'),  # out\n])",
    ),
    ("code", "model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])"),
    ("code", "    # indented cell: IPython removes the indent\n    head = keras.layers.Dense(8, activation='softmx')"),
]


def test_fix_rewrites_a_notebook_cell_and_keeps_every_other_byte(tmp_path: Path) -> None:
    document, text = _notebook(NOTEBOOK_CELLS)
    path = write(tmp_path, "n.ipynb", text.encode("utf-8"))
    result = run("--fix", "n.ipynb", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Found 2 errors (2 fixed, 0 remaining).\n" in result.stdout
    expected = json.loads(text)
    expected["cells"][2]["source"][2] = "    keras.layers.Dense(1, activation='sigmoid'),  # out\n"
    expected["cells"][4]["source"][1] = "    head = keras.layers.Dense(8, activation='softmax')"
    assert path.read_bytes() == (json.dumps(expected, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    assert run("n.ipynb", cwd=tmp_path).stdout == "All checks passed!\n"


def test_diff_shows_notebook_cells_and_writes_nothing(tmp_path: Path) -> None:
    _, text = _notebook(NOTEBOOK_CELLS)
    path = write(tmp_path, "n.ipynb", text.encode("utf-8"))
    result = run("--diff", "n.ipynb", cwd=tmp_path)
    assert result.returncode == 1
    assert "--- n.ipynb:cell 3\n+++ n.ipynb:cell 3\n" in result.stdout
    assert "-    keras.layers.Dense(1, activation='softmax'),  # out" in result.stdout
    assert "+    keras.layers.Dense(1, activation='sigmoid'),  # out" in result.stdout
    assert "--- n.ipynb:cell 5\n" in result.stdout and "cell 4" not in result.stdout
    assert path.read_text(encoding="utf-8") == text


def test_diff_of_a_notebook_cell_ends_every_line_without_a_marker(tmp_path: Path) -> None:
    # A cell's last line has no newline of its own (Jupyter's lists of
    # lines); as ruff, its diff lines are still one per line, and no
    # "No newline" marker is printed for a cell.
    cells = [("code", "import keras"), ("code", TYPO.split("\n", 1)[1].rstrip("\n"))]
    _, text = _notebook(cells)
    write(tmp_path, "n.ipynb", text)
    result = run("--diff", "n.ipynb", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        "--- n.ipynb:cell 2\n"
        "+++ n.ipynb:cell 2\n"
        "@@ -1,2 +1,2 @@\n"
        ' model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])\n'
        '-model.compile(optimizer="adam", loss="categorical_cross_entropy")\n'
        '+model.compile(optimizer="adam", loss="categorical_crossentropy")\n'
        "\n"
        "Would fix 1 error.\n"
    )


def test_notebook_layouts_other_tools_write_are_kept(tmp_path: Path) -> None:
    for number, layout in enumerate(({"indent": 2}, {"indent": None}, {"indent": 1, "ensure_ascii": True})):
        _, text = _notebook(NOTEBOOK_CELLS[1:4], **layout)
        path = write(tmp_path, f"n{number}.ipynb", text.rstrip("\n"))
        assert run("--fix", path.name, cwd=tmp_path).returncode == 0
        after = path.read_text(encoding="utf-8")
        assert after == text.rstrip("\n").replace("'softmax'", "'sigmoid'"), layout


def test_a_notebook_whose_layout_cannot_be_kept_is_left_alone(tmp_path: Path) -> None:
    _, text = _notebook(NOTEBOOK_CELLS[1:4])
    odd = text.replace('"cells": [', '"cells" :  [').replace("\n", "\r\n")
    path = write(tmp_path, "n.ipynb", odd.encode("utf-8"))
    result = run("--fix", "n.ipynb", cwd=tmp_path)
    assert path.read_bytes() == odd.encode("utf-8")
    assert "n.ipynb: fixes not applied: its JSON layout could not be kept" in result.stderr
    assert "n.ipynb:cell 2:3:38: KL101 " in result.stdout and result.returncode == 1


def test_fix_from_stdin_prints_the_fixed_notebook(tmp_path: Path) -> None:
    _, text = _notebook(NOTEBOOK_CELLS[1:4])
    result = run("--fix", "-", "--stdin-filename", "n.ipynb", cwd=tmp_path, stdin=text.encode("utf-8"))
    assert result.stdout == text.replace("'softmax'", "'sigmoid'")
    assert result.returncode == 0 and "KL101" not in result.stderr
    unsafe_only = _notebook([("code", UNSAFE_ONLY)])[1]
    kept = run("--fix", "-", "--stdin-filename", "n.ipynb", cwd=tmp_path, stdin=unsafe_only.encode("utf-8"))
    assert kept.stdout == unsafe_only and " KL101 " in kept.stderr and kept.returncode == 1


def test_a_typo_planted_in_each_fixture_notebook_is_fixed_back_to_the_original_bytes(tmp_path: Path) -> None:
    # The round trip real notebooks take: Jupyter's own layout, outputs,
    # metadata; the fix must give back exactly the file before the typo.
    fixtures = sorted((Path(__file__).resolve().parent.parent / "fixtures").glob("*.ipynb"))
    planted = []
    for fixture in fixtures:
        original = fixture.read_bytes()
        found = re.search(rb'loss=\\"\w+(crossentropy)\\"', original)
        if found is None:
            continue
        typo = original[: found.start(1)] + b"crossentrop" + original[found.end(1) :]
        planted.append((write(tmp_path, fixture.name, typo), original))
    assert len(planted) >= 2
    result = run("--fix", "--show-fixes", *(p.name for p, _ in planted), cwd=tmp_path)
    assert f"Fixed {len(planted)} errors:\n" in result.stdout, result.stdout + result.stderr
    for path, _ in planted:
        assert f"- {path.name}:\n    1 × KL301 (unknown-loss)\n" in result.stdout
    for path, original in planted:
        assert path.read_bytes() == original, path.name


# -- argument edits (KL105, KL106) ------------------------------------------------

KL105_CODE = """\
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(
    optimizer="adam",
    loss=keras.losses.SparseCategoricalCrossentropy(
        ignore_class=None,
        from_logits=True,
    ),
)
"""
KL106_CODE = """\
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=False))
other = keras.Sequential([keras.layers.Dense(3)])
other.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy())
"""


def test_kl105_from_logits_is_removed_only_with_unsafe_fixes(tmp_path: Path) -> None:
    path = write(tmp_path, "m.py", KL105_CODE)
    safe = run("--fix", "m.py", cwd=tmp_path)
    assert path.read_text() == KL105_CODE and "KL105" in safe.stdout  # unsafe: not applied by --fix
    diff = run("--diff", "--unsafe-fixes", "m.py", cwd=tmp_path)
    assert "-        from_logits=True,\n" in diff.stdout and path.read_text() == KL105_CODE
    result = run("--fix", "--unsafe-fixes", "m.py", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert path.read_text() == KL105_CODE.replace("        from_logits=True,\n", "")
    assert run("m.py", cwd=tmp_path).stdout == "All checks passed!\n"


def test_kl106_from_logits_is_set_or_added(tmp_path: Path) -> None:
    path = write(tmp_path, "m.py", KL106_CODE)
    result = run("--fix", "--unsafe-fixes", "m.py", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Found 2 errors (2 fixed, 0 remaining).\n" in result.stdout
    assert path.read_text() == KL106_CODE.replace("(from_logits=False)", "(from_logits=True)").replace(
        "CategoricalCrossentropy()", "CategoricalCrossentropy(from_logits=True)"
    )


def test_no_argument_edit_when_the_loss_object_is_shared_or_built_elsewhere(tmp_path: Path) -> None:
    """A loss object built away from the compile may be used by other code,
    and a builder's compile serves calls with other outputs: the edit
    could help one and harm another, so none is offered."""
    shared = (
        "import keras\n"
        "loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n"
        'a = keras.Sequential([keras.layers.Dense(10, activation="softmax")])\n'
        "a.compile(optimizer='adam', loss=loss)\n"
    )
    path = write(tmp_path, "m.py", shared)
    result = run("--fix", "--unsafe-fixes", "m.py", cwd=tmp_path)
    assert "KL105" in result.stdout and path.read_text() == shared
    # A builder's code is shared by its calls: `build(None)` would lose.
    builder = (
        "import keras\n"
        "def build(activation):\n"
        "    m = keras.Sequential([keras.layers.Dense(10, activation=activation)])\n"
        "    m.compile(optimizer='adam', loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"
        "    return m\n"
        "build('softmax')\n"
        "build(None)\n"
    )
    path = write(tmp_path, "builder.py", builder)
    result = run("--fix", "--unsafe-fixes", "builder.py", cwd=tmp_path)
    assert "KL105" in result.stdout and path.read_text() == builder


def test_a_multi_line_argument_edit_in_an_indented_notebook_cell(tmp_path: Path) -> None:
    cells = [
        ("code", "import keras"),
        (
            "code",
            "    model = keras.Sequential([keras.layers.Dense(10, activation='softmax')])\n"
            "    model.compile(\n"
            "        loss=keras.losses.SparseCategoricalCrossentropy(\n"
            "            from_logits=True,\n"
            "        ),\n"
            "    )",
        ),
    ]
    _, text = _notebook(cells)
    path = write(tmp_path, "n.ipynb", text.encode("utf-8"))
    result = run("--fix", "--unsafe-fixes", "n.ipynb", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    expected = json.loads(text)
    expected["cells"][1]["source"] = [
        "    model = keras.Sequential([keras.layers.Dense(10, activation='softmax')])\n",
        "    model.compile(\n",
        "        loss=keras.losses.SparseCategoricalCrossentropy(),\n",
        "    )",
    ]
    assert path.read_bytes() == (json.dumps(expected, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    assert run("n.ipynb", cwd=tmp_path).stdout == "All checks passed!\n"
