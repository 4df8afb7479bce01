"""ruff's terminal habits (issue 12): ``keraslint rule``, ``--add-noqa``,
the KL003 fix, ``keraslint clean`` and the cache's pruning, each run as a
user runs it: a subprocess."""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers import run, write
from keraslint.runner import KNOWN_CODES


def _listed_codes(message: str) -> list[str]:
    listed = re.search(r"known codes: ([A-Z0-9, ]+)\)", message)
    assert listed is not None, message
    return listed[1].split(", ")


# ---------------------------------------------------------------------------
# keraslint rule
# ---------------------------------------------------------------------------


def test_rule_documents_every_code_builtin_ones_included(tmp_path: Path) -> None:
    for code in sorted(KNOWN_CODES):
        result = run("rule", code.lower(), cwd=tmp_path)
        assert result.returncode == 0, (code, result.stderr)
        assert re.match(rf"# {code}: [a-z-]+\n", result.stdout), result.stdout[:80]
        assert "## What it does" in result.stdout and "## Why is this bad?" in result.stdout


def test_rule_by_name_prints_what_the_code_prints(tmp_path: Path) -> None:
    by_name = run("rule", "softmax-single-unit", cwd=tmp_path)
    assert by_name.returncode == 0
    assert by_name.stdout == run("rule", "KL101", cwd=tmp_path).stdout
    assert run("rule", "syntax-error", cwd=tmp_path).stdout.startswith("# KL001: syntax-error\n")
    assert run("rule", "unused-noqa", cwd=tmp_path).stdout.startswith("# KL003: unused-noqa\n")


def test_rule_page_is_the_docs_page_with_its_fix(tmp_path: Path) -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "rules" / "KL003.md").read_text(encoding="utf-8")
    shown = run("rule", "KL003", cwd=tmp_path).stdout
    assert shown.replace("Fix: safe\n\n", "") == page


def test_rule_all_prints_every_rules_documentation_in_code_order(tmp_path: Path) -> None:
    result = run("rule", "--all", cwd=tmp_path)
    assert result.returncode == 0
    headers = re.findall(r"^# (KL\d{3}): ", result.stdout, re.MULTILINE)
    assert headers == sorted(KNOWN_CODES)
    assert result.stdout.count("## What it does") == len(KNOWN_CODES)
    documents = json.loads(run("rule", "--all", "--output-format", "json", cwd=tmp_path).stdout)
    assert [d["code"] for d in documents] == sorted(KNOWN_CODES)
    assert all("## What it does" in d["documentation"] for d in documents)


def test_unknown_rule_is_one_line_listing_the_known_codes_sorted(tmp_path: Path) -> None:
    result = run("rule", "KL999", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("keraslint: error: no rule `KL999`")
    listed = _listed_codes(result.stderr)
    assert listed == sorted(KNOWN_CODES)


def test_every_error_listing_codes_lists_them_sorted(tmp_path: Path) -> None:
    result = run("--select", "KL999", cwd=tmp_path)
    assert result.returncode == 2
    assert _listed_codes(result.stderr) == sorted(KNOWN_CODES)
    write(tmp_path, "pyproject.toml", '[tool.keraslint]\nignore = ["KL9"]\n')
    write(tmp_path, "m.py", "import keras\n")
    result = run("m.py", cwd=tmp_path)
    assert result.returncode == 2
    assert _listed_codes(result.stderr) == sorted(KNOWN_CODES)


# ---------------------------------------------------------------------------
# --add-noqa
# ---------------------------------------------------------------------------

SEVERAL = """\
from tensorflow import keras
model = keras.Sequential([
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1, activation="softmax"),  # noqa: E501, KL999
])
model.compile(optimizer="adam", loss="binary_crossentropy")
m2 = keras.Sequential([keras.layers.Dense(1, activation="softmax")])  # shape: (None, 1)
m3 = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
m3.compile(loss="binary_crossentropy" if m2 else \\
    "binary_crossentropy")
m4 = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
m4.compile(loss=\"\"\"categorical_cross
entropy\"\"\")
"""

NOQAED = """\
from tensorflow import keras
model = keras.Sequential([
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1, activation="softmax"),  # noqa: E501, KL101, KL999
])
model.compile(optimizer="adam", loss="binary_crossentropy")
m2 = keras.Sequential([keras.layers.Dense(1, activation="softmax")])  # shape: (None, 1)  # noqa: KL101
m3 = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
m3.compile(loss="binary_crossentropy" if m2 else \\
    "binary_crossentropy")  # noqa: KL102
m4 = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
m4.compile(loss=\"\"\"categorical_cross
entropy\"\"\")  # noqa: KL301
"""


def test_add_noqa_puts_each_code_where_python_allows_a_comment(tmp_path: Path) -> None:
    path = write(tmp_path, "model.py", SEVERAL)
    before = run("model.py", "--no-cache", cwd=tmp_path)
    # A finding on the first line of a continued line and inside a string.
    assert ":9:" in before.stdout and ":12:" in before.stdout
    result = run("--add-noqa", "model.py", "--no-cache", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "Added 4 noqa directives.\n"
    assert path.read_text() == NOQAED
    compile(path.read_text(), "model.py", "exec")
    after = run("model.py", "--no-cache", cwd=tmp_path)
    assert (after.returncode, after.stdout) == (0, "All checks passed!\n")


def test_add_noqa_again_adds_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, "model.py", SEVERAL)
    assert run("--add-noqa", ".", cwd=tmp_path).returncode == 0
    again = run("--add-noqa", ".", cwd=tmp_path)
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")
    assert path.read_text() == NOQAED


def test_add_noqa_as_a_check_option_and_one_directive(tmp_path: Path) -> None:
    path = write(tmp_path, "one.py", SEVERAL.split("m2 =")[0])
    result = run("check", "--add-noqa", "one.py", "--no-cache", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "Added 1 noqa directive.\n")
    assert "# noqa: E501, KL101, KL999" in path.read_text()


def test_add_noqa_keeps_bytes_line_ends_and_encoding(tmp_path: Path) -> None:
    latin = "# -*- coding: latin-1 -*-\r\n# caf\xe9\r\n" + SEVERAL.split("m2 =")[0].replace("\n", "\r\n")
    path = write(tmp_path, "m.py", latin.encode("latin-1"))
    assert run("--add-noqa", "m.py", "--no-cache", cwd=tmp_path).returncode == 0
    expected = latin.replace("E501, KL999", "E501, KL101, KL999")
    assert path.read_bytes() == expected.encode("latin-1")


def _notebook(cells: list[object]) -> str:
    document = {
        "cells": [
            {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}
            for source in cells
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def test_add_noqa_edits_notebook_cells_keeping_the_json_layout(tmp_path: Path) -> None:
    lines = [
        "from tensorflow import keras\n",
        'model = keras.Sequential([keras.layers.Dense(1, activation="softmax")])  # café\n',
        'model.compile(loss="binary_crossentropy")',
    ]
    timed = '%%time\nm = keras.Sequential([keras.layers.Dense(3, activation="softmax")])\nm.compile(loss="binary_crossentropy")\n'
    path = write(tmp_path, "nb.ipynb", _notebook([lines, timed]))
    result = run("--add-noqa", "nb.ipynb", "--no-cache", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "Added 2 noqa directives.\n")
    lines[1] = lines[1].replace("café\n", "café  # noqa: KL101\n")
    timed = timed.replace('crossentropy")\n', 'crossentropy")  # noqa: KL102\n')
    assert path.read_text(encoding="utf-8") == _notebook([lines, timed])
    assert run("nb.ipynb", "--no-cache", cwd=tmp_path).returncode == 0


def test_add_noqa_refuses_stdin_and_fix(tmp_path: Path) -> None:
    for extra in (["--fix", "."], ["--diff", "."], ["-"]):
        result = run("--add-noqa", *extra, cwd=tmp_path, stdin=b"")
        assert result.returncode == 2 and "`--add-noqa`" in result.stderr


def test_add_noqa_leaves_a_file_that_does_not_parse(tmp_path: Path) -> None:
    broken = SEVERAL + "model.fit(\n"
    path = write(tmp_path, "model.py", broken)
    result = run("--add-noqa", "model.py", "--no-cache", cwd=tmp_path)
    assert result.returncode == 0 and path.read_text() == broken


# ---------------------------------------------------------------------------
# The KL003 fix
# ---------------------------------------------------------------------------

STALE = """\
from tensorflow import keras
model = keras.Sequential([
    keras.layers.Dense(8, activation="relu"),  # noqa: KL101, E501
    keras.layers.Dense(1, activation="softmax"),  # noqa:KL204,KL101 ,KL999
    keras.layers.Dense(1),  # sizes from the paper  # noqa: KL204
])
model.compile(optimizer="adam", loss="mse")  # noqa: KL101 the old loss
print("# noqa: KL101")  # noqa: KL101
"""

UNSTALE = """\
from tensorflow import keras
model = keras.Sequential([
    keras.layers.Dense(8, activation="relu"),  # noqa: E501
    keras.layers.Dense(1, activation="softmax"),  # noqa: KL101
    keras.layers.Dense(1),  # sizes from the paper
])
model.compile(optimizer="adam", loss="mse")  # the old loss
print("# noqa: KL101")
"""


def test_kl003_fix_removes_unused_codes_or_the_whole_directive(tmp_path: Path) -> None:
    path = write(tmp_path, "model.py", STALE)
    listed = run("model.py", "--no-cache", "--extend-select", "KL003", cwd=tmp_path)
    assert listed.stdout.count("KL003") == 6
    fixed = run("model.py", "--no-cache", "--extend-select", "KL003", "--fix", cwd=tmp_path)
    assert path.read_text() == UNSTALE
    assert fixed.returncode == 0 and fixed.stdout == "Found 6 errors (6 fixed, 0 remaining).\n"
    # Not a default rule: without KL003 selected, --fix leaves them.
    write(tmp_path, "other.py", STALE)
    run("other.py", "--no-cache", "--fix", cwd=tmp_path)
    assert (tmp_path / "other.py").read_text() == STALE


def test_kl003_fix_in_a_notebook_and_in_the_diff(tmp_path: Path) -> None:
    cell = ["import keras\n", "x = 1  # noqa: KL101\n", "y = 2  # keep  # noqa: KL102, F401"]
    path = write(tmp_path, "nb.ipynb", _notebook([cell]))
    diff = run("nb.ipynb", "--no-cache", "--extend-select", "KL003", "--diff", cwd=tmp_path)
    assert "\n-x = 1  # noqa: KL101\n" in diff.stdout and "+x = 1\n" in diff.stdout
    assert run("nb.ipynb", "--no-cache", "--extend-select", "KL003", "--fix", cwd=tmp_path).returncode == 0
    assert path.read_text(encoding="utf-8") == _notebook([["import keras\n", "x = 1\n", "y = 2  # keep  # noqa: F401"]])


def test_a_comment_fix_never_edits_code_or_a_string() -> None:
    import pytest

    from keraslint.diagnostics import Position, Replacement, Span
    from keraslint.fixes import NotFixed, apply_fixes

    text = 'x = "a  # b"  # c\ny = 1 + \\\n    2\n'

    def edit(line: int, start: int, end: int, new: str) -> Replacement:
        return Replacement(Span(Position(line, start), Position(line, end)), new)

    assert apply_fixes(text, [edit(1, 12, 17, "")]) == ('x = "a  # b"\ny = 1 + \\\n    2\n', 1)
    assert apply_fixes(text, [edit(3, 5, 5, "  # noqa: KL101")])[0].endswith("    2  # noqa: KL101\n")
    refused = [
        edit(1, 6, 11, ""),  # inside the string, to its end
        edit(1, 6, 17, ""),  # from inside the string
        edit(2, 9, 9, "  # noqa: KL101"),  # after a backslash: no comment there
        edit(1, 17, 17, "  x = 2"),  # not a comment
        edit(1, 4, 12, "  # c"),  # the string itself
    ]
    for fix in refused:
        with pytest.raises(NotFixed):
            apply_fixes(text, [fix])


# ---------------------------------------------------------------------------
# keraslint clean, and the cache's pruning
# ---------------------------------------------------------------------------

KERAS_FILE = 'import keras\nm = keras.Sequential([keras.layers.Dense(2, activation="softmax")])\n'


def _entries(cache: Path) -> set[str]:
    return {entry.name for entry in cache.glob("??/*.json")}


def test_clean_removes_every_cache_under_here_and_says_which(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "a.py", KERAS_FILE)
    write(tmp_path, "sub/project/pyproject.toml", "[tool.keraslint]\n")
    write(tmp_path, "sub/project/b.py", KERAS_FILE)
    assert run(".", cwd=tmp_path).returncode == 0
    assert run(".", cwd=tmp_path / "sub" / "project").returncode == 0
    made = [tmp_path / ".keraslint_cache", tmp_path / "sub" / "project" / ".keraslint_cache"]
    assert all(_entries(cache) for cache in made)
    result = run("clean", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "Removed cache at: .keraslint_cache",
        f"Removed cache at: {Path('sub', 'project', '.keraslint_cache')}",
    ]
    assert not any(cache.exists() for cache in made)
    assert (tmp_path / "a.py").exists() and (tmp_path / "sub" / "project" / "b.py").exists()
    again = run("clean", cwd=tmp_path)
    assert (again.returncode, again.stderr) == (0, "keraslint: no cache to remove\n")


def test_clean_removes_the_cache_in_use_above_here(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "src/a.py", KERAS_FILE)
    assert run("a.py", cwd=tmp_path / "src").returncode == 0
    assert _entries(tmp_path / ".keraslint_cache")
    result = run("clean", cwd=tmp_path / "src")
    assert result.returncode == 0 and "Removed cache at: " in result.stderr
    assert not (tmp_path / ".keraslint_cache").exists()


def test_clean_removes_a_directory_of_another_name_only_if_keraslint_made_it(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "a.py", KERAS_FILE)
    assert run(".", "--cache-dir", "made", cwd=tmp_path).returncode == 0
    mine = write(tmp_path, "mine/notes.txt", "keep me")
    refused = run("clean", "--cache-dir", "mine", cwd=tmp_path)
    assert refused.returncode == 0 and "mine: not removed: keraslint did not make it" in refused.stderr
    assert mine.exists()
    removed = run("clean", "--cache-dir", "made", cwd=tmp_path)
    assert removed.stderr == "Removed cache at: made\n"
    assert not (tmp_path / "made").exists()


def test_clean_does_not_follow_a_symbolic_link(tmp_path: Path) -> None:
    victim = write(tmp_path, "victim/precious.py", "x = 1\n")
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / ".keraslint_cache").symlink_to(tmp_path / "victim")
    result = run("clean", cwd=project)
    assert result.returncode == 0 and victim.exists()


def test_cache_prunes_entries_unused_for_30_days(tmp_path: Path) -> None:
    import os
    import time

    (tmp_path / ".git").mkdir()
    write(tmp_path, "kept.py", KERAS_FILE)
    gone = write(tmp_path, "gone.py", KERAS_FILE.replace("Dense(2", "Dense(4"))
    assert run(".", cwd=tmp_path).returncode == 0
    cache = tmp_path / ".keraslint_cache"
    entries = sorted(cache.glob("??/*.json"))
    assert len(entries) == 2
    # A month later: gone.py was deleted, kept.py is still checked.
    gone.unlink()
    month_ago = time.time() - 31 * 24 * 3600
    for path in [*entries, cache / ".pruned"]:
        os.utime(path, (month_ago, month_ago))
    assert run(".", cwd=tmp_path).returncode == 0
    left = sorted(cache.glob("??/*.json"))
    assert len(left) == 1 and left[0].stat().st_mtime > month_ago + 24 * 3600  # used now
    # At most one scan a day: an entry that turns old just after waits.
    os.utime(left[0], (month_ago, month_ago))
    write(tmp_path, "kept.py", KERAS_FILE + "# edited\n")
    assert run(".", cwd=tmp_path).returncode == 0
    assert left[0].exists()


# ---------------------------------------------------------------------------
# keraslint help / keraslint version
# ---------------------------------------------------------------------------


def test_version_and_help_are_commands_when_no_path_has_their_name(tmp_path: Path) -> None:
    from keraslint import __version__

    version = run("version", cwd=tmp_path)
    assert (version.returncode, version.stdout, version.stderr) == (0, f"keraslint {__version__}\n", "")
    assert version.stdout == run("--version", cwd=tmp_path).stdout
    shown = run("help", cwd=tmp_path)
    assert shown.returncode == 0 and shown.stdout == run("--help", cwd=tmp_path).stdout
    assert "keraslint help [COMMAND]" in " ".join(shown.stdout.split())
    for command in ("check", "rule", "clean", "server"):
        asked = run("help", command, cwd=tmp_path)
        assert asked.returncode == 0 and asked.stdout == run(command, "--help", cwd=tmp_path).stdout
        assert asked.stdout.startswith(f"usage: keraslint {command}")


def test_help_and_version_refuse_what_they_cannot_take(tmp_path: Path) -> None:
    unknown = run("help", "KL101", cwd=tmp_path)
    assert unknown.returncode == 2 and "`keraslint help` takes one of check, rule, clean, server" in unknown.stderr
    extra = run("version", "src", cwd=tmp_path)
    assert extra.returncode == 2 and "takes no arguments" in extra.stderr


def test_a_path_named_help_or_version_is_linted(tmp_path: Path) -> None:
    bad = 'import keras\nmodel = keras.Sequential([keras.layers.Dense(1, activation="softmax")])\n'
    write(tmp_path, "help/model.py", bad + 'model.compile(loss="binary_crossentropy")\n')
    write(tmp_path, "version", "")  # a file: linted too (nothing to find)
    linted = run("help", "--no-cache", cwd=tmp_path)
    assert linted.returncode == 1 and "help/model.py:2:" in linted.stdout and "KL101" in linted.stdout
    empty = run("version", "--no-cache", cwd=tmp_path)
    assert (empty.returncode, empty.stdout) == (0, "All checks passed!\n")
