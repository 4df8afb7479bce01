"""``# noqa`` and ``# keraslint: noqa``, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import BUGGY, findings, run, write

TWO = """\
import keras
a = keras.Sequential([keras.layers.Dense(1, activation="softmax")]){a}
b = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
b.compile(loss="bce"){b}
"""


def codes(output: str) -> list[tuple[int, str]]:
    return [(int(line.split(":")[1]), line.split(" ")[1]) for line in findings(output)]


def test_without_noqa_both_are_reported(tmp_path: Path) -> None:
    write(tmp_path, "m.py", TWO.format(a="", b=""))
    assert codes(run("m.py", cwd=tmp_path).stdout) == [(2, "KL101"), (4, "KL102")]


def test_noqa_with_the_code_suppresses_only_that_code(tmp_path: Path) -> None:
    write(tmp_path, "m.py", TWO.format(a="  # noqa: KL101", b="  # noqa: KL101"))
    assert codes(run("m.py", cwd=tmp_path).stdout) == [(4, "KL102")]


def test_noqa_with_several_codes_and_bare_noqa(tmp_path: Path) -> None:
    write(tmp_path, "m.py", TWO.format(a="  # noqa: KL102, KL101", b="  # NOQA"))
    result = run("m.py", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "All checks passed!\n")


def test_noqa_inside_a_string_is_not_a_comment(tmp_path: Path) -> None:
    write(tmp_path, "m.py", TWO.format(a="; note = '# noqa'", b=""))
    assert codes(run("m.py", cwd=tmp_path).stdout) == [(2, "KL101"), (4, "KL102")]


def test_noqa_on_the_last_line_of_a_multi_line_diagnostic(tmp_path: Path) -> None:
    code = (
        "import keras\nmodel = keras.Sequential([keras.layers.Dense(10, activation='softmax')])\n"
        "model.compile(loss=keras.losses.SparseCategoricalCrossentropy(\n"
        "    from_logits=True,\n))  # noqa: KL105\n"
    )
    write(tmp_path, "m.py", code)
    assert run("m.py", cwd=tmp_path).stdout == "All checks passed!\n"
    write(
        tmp_path,
        "m.py",
        code.replace("))  # noqa: KL105", "))").replace("Crossentropy(\n", "Crossentropy(  # noqa: KL105\n"),
    )
    assert run("m.py", cwd=tmp_path).stdout == "All checks passed!\n"


def test_file_level_noqa(tmp_path: Path) -> None:
    write(tmp_path, "all.py", "# keraslint: noqa\n" + TWO.format(a="", b=""))
    write(tmp_path, "one.py", TWO.format(a="", b="") + "# keraslint: noqa: KL102\n")
    result = run("all.py", "one.py", cwd=tmp_path)
    assert codes(result.stdout) == [(2, "KL101")]
    assert result.stdout.startswith("one.py:")


def test_noqa_in_a_notebook_cell(tmp_path: Path) -> None:
    cells = [
        {"cell_type": "code", "metadata": {}, "source": "import keras"},
        {"cell_type": "code", "metadata": {}, "source": BUGGY.replace('"softmax"),', '"softmax"),  # noqa: KL101')},
    ]
    write(tmp_path, "n.ipynb", json.dumps({"cells": cells, "metadata": {}}))
    assert run("n.ipynb", cwd=tmp_path).stdout == "All checks passed!\n"


def test_unused_and_unknown_noqa_codes_are_an_opt_in_rule(tmp_path: Path) -> None:
    write(tmp_path, "m.py", TWO.format(a="  # noqa: KL101, KL999, E501", b="  # noqa: KL204"))
    default = run("m.py", cwd=tmp_path)
    assert codes(default.stdout) == [(4, "KL102")]
    opted = run("m.py", "--extend-select", "KL003", cwd=tmp_path)
    lines = opted.stdout.splitlines()
    assert codes(opted.stdout) == [(2, "KL003"), (4, "KL102"), (4, "KL003")]
    assert "unknown code `KL999` in `# noqa`" in lines[0]
    assert "unused code `KL204` in `# noqa`" in lines[2]
    assert "E501" not in opted.stdout  # other tools' codes are theirs


def test_statistics_counts_per_code(tmp_path: Path) -> None:
    write(tmp_path, "a.py", TWO.format(a="", b=""))
    write(tmp_path, "b.py", BUGGY)
    result = run(".", "--statistics", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "2\tKL101\t[*] softmax-single-unit",
        "1\tKL102\t[ ] binary-loss-on-softmax",
        "Found 3 errors.",
        # b.py's KL101 has a safe fix; a.py's KL101 and KL102 have unsafe ones.
        "[*] 1 fixable with `--fix` (2 unsafe fixes available with `--fix --unsafe-fixes`).",
    ]
