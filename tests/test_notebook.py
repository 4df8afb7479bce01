"""Notebooks: code cells read in order as one program, positions in cells."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import findings
from keraslint.diagnostics import Position
from keraslint.sources import UnreadableSource
from keraslint.sources.notebook import parse_notebook


def notebook(*cells: tuple[str, str], language: str = "python") -> bytes:
    return json.dumps(
        {
            "cells": [{"cell_type": kind, "metadata": {}, "source": source} for kind, source in cells],
            "metadata": {"language_info": {"name": language}},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    ).encode()


def test_cells_are_one_program_and_positions_name_the_cell() -> None:
    source = parse_notebook(
        "n.ipynb",
        notebook(("markdown", "# title"), ("code", "import keras\nN = 1"), ("code", ["x = N\n", "y = x"])),
    )
    assert source is not None
    assert source.text == "import keras\nN = 1\nx = N\ny = x\n"
    assert source.display(Position(3, 4)) == "cell 3:1:5"
    assert source.display(Position(2, 0)) == "cell 2:2:1"
    assert source.describe_line(4) == "cell 3, line 2"


def test_magics_and_shell_lines_are_blanked_keeping_line_numbers() -> None:
    cell = "%matplotlib inline\n!pip install keras \\\n    tensorflow\nfiles = !ls\nfor f in files:\n    !echo $f\nmodel.fit?\nprint('%(x)s' %\n      {'x': 1})"
    source = parse_notebook("n.ipynb", notebook(("code", cell), ("code", "%%bash\necho hi\nexit 1")))
    assert source is not None
    lines = source.text.splitlines()
    assert lines[:7] == ["pass", "pass", "", "pass", "for f in files:", "    pass", "pass"]
    assert lines[7] == "print('%(x)s' %"
    assert lines[9:] == ["", "", ""]
    compile(source.text, "n.ipynb", "exec")  # what remains is Python


def test_notebook_in_another_language_is_skipped() -> None:
    assert parse_notebook("r.ipynb", notebook(("code", "library(keras)"), language="R")) is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"import keras\n", "invalid notebook: not JSON"),
        (b"[1, 2]", "invalid notebook: no `cells` list"),
        (b'{"cells": [{"cell_type": "code"}]}', "invalid notebook: cell 1 has no `source`"),
        (b'{"cells": [{"cell_type": "code", "source": 3}]}', "invalid notebook: the `source` of cell 1 is not text"),
        (b'{"cells": ["x"]}', "invalid notebook: cell 1 is not an object"),
        (b"\xff\xfe{}", "invalid notebook: not UTF-8"),
    ],
)
def test_broken_notebooks_are_a_clear_error(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableSource, match=reason.replace("(", r"\(").replace("`", "`")):
        parse_notebook("bad.ipynb", data)


def test_cli_reports_broken_notebook_in_one_line_and_checks_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.ipynb").write_text("{not json")
    (tmp_path / "b.ipynb").write_bytes(
        notebook(
            ("code", "from tensorflow import keras\nUNITS = 1"),
            ("markdown", "## model"),
            ("code", "model = keras.Sequential([keras.layers.Dense(UNITS, activation='softmax')])"),
        )
    )
    run = subprocess.run(
        [sys.executable, "-m", "keraslint", "."], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert run.returncode == 1
    assert run.stderr == ""
    first, second = findings(run.stdout)
    assert first.startswith("a.ipynb:1:1: KL002 cannot read file: invalid notebook: not JSON")
    assert second.startswith("b.ipynb:cell 3:1:64: KL101 ")


def test_indented_cell_and_automagic_lines_are_read_as_ipython_does() -> None:
    source = parse_notebook(
        "n.ipynb",
        notebook(
            ("code", " for i in range(3):\n   print(i)"),
            ("code", "ls ./data/train/\ncd ..\nls = [1]\npwd\nenv\nrm -= 1"),
        ),
    )
    assert source is not None
    # A bare name (``pwd``, a gym ``env`` shown at the end of a cell) and
    # ``rm -= 1`` are Python: kept, as IPython keeps them in a longer cell.
    assert source.text.splitlines() == [
        "for i in range(3):",
        "  print(i)",
        "pass",
        "pass",
        "ls = [1]",
        "pwd",
        "env",
        "rm -= 1",
    ]


def test_a_cell_that_does_not_parse_does_not_hide_the_others(tmp_path: Path) -> None:
    (tmp_path / "n.ipynb").write_bytes(
        notebook(
            ("code", "from tensorflow import keras"),
            ("code", "outputs layers.Dense(3)"),
            ("code", "model = keras.Sequential([keras.layers.Dense(1)])\nmodel.compile(loss='binary_crossentropy')"),
        )
    )
    run = subprocess.run(
        [sys.executable, "-m", "keraslint", "n.ipynb"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    first, second = findings(run.stdout)
    assert first.startswith("n.ipynb:cell 2:1:") and " KL001 syntax error" in first
    assert second.startswith("n.ipynb:cell 3:2:") and " KL106 " in second


def lint_notebook(*cells: tuple[str, str]) -> list[str]:
    from keraslint.checker import lint_data

    result = lint_data("n.ipynb", notebook(*cells))
    assert result.source is not None
    return [f"{result.source.display(d.span.start)} {d.code} {d.message}" for d in result.diagnostics]


SOFTMAX_ONE = ("code", "model = keras.Sequential([keras.layers.Dense(1, activation='softmax')])")
COMPILED = ("code", "model.compile(optimizer='adam', loss='binary_crossentropy')")


def test_an_unfinished_block_at_the_end_of_a_cell_is_that_cell_s_error_only() -> None:
    # IPython compiles each cell alone: the empty `def` does not swallow the next cells.
    found = lint_notebook(
        ("code", "from tensorflow import keras"),
        ("code", "def windowed_dataset(series, window_size):\n    # YOUR CODE HERE"),
        SOFTMAX_ONE,
        COMPILED,
    )
    assert [f.split(" KL")[0] for f in found] == ["cell 2:2:21", "cell 3:1:60"]
    assert " KL001 syntax error: expected an indented block" in found[0]
    if sys.version_info >= (3, 10):  # Python 3.9's parser does not name the statement
        assert found[0].endswith("after function definition on line 1")
    assert " KL101 " in found[1]


def test_a_valid_cell_between_two_broken_ones_is_checked() -> None:
    found = lint_notebook(
        ("code", "from tensorflow import keras"),
        ("code", "x = [1, 2"),
        ("code", "a = 1"),
        ("code", "y = f(1,"),
        SOFTMAX_ONE,
        COMPILED,
    )
    assert [f.split(":")[:2] + [f.split(" ")[2]] for f in found] == [
        ["cell 2", "1", "KL001"],
        ["cell 4", "1", "KL001"],
        ["cell 5", "1", "KL101"],
    ]
    if sys.version_info >= (3, 10):  # Python 3.9 says "unexpected EOF", at the end
        assert [f.split(" KL")[0] for f in found] == ["cell 2:1:5", "cell 4:1:6", "cell 5:1:60"]
        assert "'[' was never closed" in found[0] and "'(' was never closed" in found[1]


def test_syntax_error_messages_count_lines_in_the_cell() -> None:
    found = lint_notebook(
        ("code", "from tensorflow import keras\nimport numpy as np\nx = 1\ny = 2"),
        ("code", "with open('f') as fh:\n# YOUR CODE HERE\n\nprint(x)"),
    )
    expected = "cell 2:4:1 KL001 syntax error: expected an indented block"
    if sys.version_info >= (3, 10):  # Python 3.9's parser does not name the statement
        expected += " after 'with' statement on line 1"
    assert found == [expected]


def test_columns_count_the_indentation_ipython_removes() -> None:
    # IPython dedents a cell whose first line is indented; the position is
    # still the column in the cell as written (editors and `--fix` use it).
    line = '    head = keras.layers.Dense(1, activation="softmax")'
    column = line.index('"softmax"') + 1
    (found,) = lint_notebook(("code", "import keras"), ("code", line + "\n    x = 1"))
    assert found.startswith(f"cell 2:1:{column} KL101 ")
