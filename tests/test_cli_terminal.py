"""``keraslint check`` in a terminal, with ruff's habits (issue 12): the
summary lines, ``[*]``, ``--show-fixes``, ``--statistics``, ``-o``, ``-q``,
``-s``, colour, ``--exit-non-zero-on-fix``, ``--diff``'s last line and a
reader that leaves early. Each expectation was checked against ruff 0.17.6
on an equivalent Python file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import BUGGY, CLEAN, TYPO, write
from keraslint.cli import _check_parser

# KL101 with a binary loss: the fix (softmax -> sigmoid) is safe.
SAFE = BUGGY
# KL101 without a loss: the fix is only a guess, so it is unsafe.
UNSAFE = """\
import keras
head = keras.layers.Dense(1, activation='softmax')
"""
ESCAPE = "\x1b["
COMMAND_LINE_PAGE = Path(__file__).resolve().parent.parent / "docs" / "command-line.md"


def documented(command: str) -> str:
    """What docs/command-line.md shows ``command`` printing."""
    page = COMMAND_LINE_PAGE.read_text()
    shown = re.search(r"```console\n\$ " + re.escape(command) + r"\n(.*?)```", page, re.S)
    assert shown is not None, command
    return shown[1]


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, **(env or {})}
    completed = subprocess.run(
        [sys.executable, "-m", "keraslint", *args],
        cwd=cwd,
        env=environ,
        input=stdin,
        capture_output=True,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args, completed.returncode, completed.stdout.decode(), completed.stderr.decode()
    )


def check(*args: str, cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return run("check", "--no-cache", *args, cwd=cwd, **kwargs)  # type: ignore[arg-type]


# --- keraslint check -------------------------------------------------------


def test_check_subcommand_is_the_bare_form(tmp_path: Path) -> None:
    write(tmp_path, "m.py", BUGGY)
    checked = check("m.py", cwd=tmp_path)
    bare = run("--no-cache", "m.py", cwd=tmp_path)
    assert checked.returncode == bare.returncode == 1
    assert checked.stdout == bare.stdout
    assert checked.stdout.startswith("m.py:4:38: KL101 ")


def test_check_help_names_the_subcommand_and_explains_every_option(tmp_path: Path) -> None:
    result = run("check", "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: keraslint check ")
    parser = _check_parser()
    for action in parser._actions:
        assert action.help, f"{action.option_strings or action.dest} has no help"
        for option in action.option_strings:
            assert option in result.stdout
    for option in ("--show-fixes", "--statistics", "--output-file", "--quiet", "--silent", "--color"):
        assert option in result.stdout
    assert "--exit-non-zero-on-fix" in result.stdout


def _undocumented(help_text: str) -> list[str]:
    """The arguments of an argparse ``--help`` with no text of their own:
    an entry (two spaces in) with nothing after it, on its line or the
    next, more indented, one."""
    lines = help_text.splitlines()
    missing = []
    for index, line in enumerate(lines):
        entry = re.fullmatch(r"  (\S.*?)(?: {2,}(\S.*))?", line)
        if entry is None or entry[2]:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not re.match(r" {4,}\S", following):
            missing.append(entry[1])
    return missing


@pytest.mark.parametrize("command", ["check", "rule", "clean", "server"])
def test_every_option_of_every_command_has_help(tmp_path: Path, command: str) -> None:
    result = run(command, "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: keraslint {command} ")
    assert "  -h, --help" in result.stdout
    assert _undocumented(result.stdout) == []
    # The check sees a missing help text.
    assert _undocumented("options:\n  -h, --help  show this\n  --bare\n  --wrapped X\n      text\n") == ["--bare"]


# --- the summary -----------------------------------------------------------


def test_one_fixable_finding_ends_with_ruffs_summary(tmp_path: Path) -> None:
    write(tmp_path, "m.py", SAFE)
    result = check("m.py", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("m.py:4:38: KL101 [*] `softmax` over a single unit")
    assert lines[1:] == ["Found 1 error.", "[*] 1 fixable with `--fix`."]


def test_several_findings_are_counted_in_the_plural(tmp_path: Path) -> None:
    write(tmp_path, "a.py", SAFE)
    write(tmp_path, "b.py", TYPO)
    result = check(".", "nope.py", cwd=tmp_path)
    lines = result.stdout.splitlines()
    # nope.py (KL002, no fix) has no mark; both others have a safe fix.
    assert [line.split(": ", 1)[1][:9] for line in lines[:3]] == ["KL101 [*]", "KL301 [*]", "KL002 can"]
    assert lines[3:] == ["Found 3 errors.", "[*] 2 fixable with `--fix`."]


def test_a_clean_run_says_all_checks_passed_even_off_a_terminal(tmp_path: Path) -> None:
    write(tmp_path, "ok.py", CLEAN)
    result = check("ok.py", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "All checks passed!\n", "")


def test_unsafe_fixes_are_a_hint_not_a_mark(tmp_path: Path) -> None:
    write(tmp_path, "u.py", UNSAFE)
    result = check("u.py", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("u.py:2:41: KL101 `softmax`")  # no [*]: --fix would not fix it
    assert lines[1:] == ["Found 1 error.", "1 unsafe fix available with `--fix --unsafe-fixes`."]
    write(tmp_path, "s.py", SAFE)
    both = check("s.py", "u.py", cwd=tmp_path).stdout.splitlines()
    assert both[2:] == [
        "Found 2 errors.",
        "[*] 1 fixable with `--fix` (1 unsafe fix available with `--fix --unsafe-fixes`).",
    ]
    marked = check("--unsafe-fixes", "u.py", cwd=tmp_path).stdout.splitlines()
    assert marked[0].startswith("u.py:2:41: KL101 [*] `softmax`")
    assert marked[1:] == ["Found 1 error.", "[*] 1 fixable with `--fix`."]


def test_full_format_marks_and_summarises_too(tmp_path: Path) -> None:
    write(tmp_path, "m.py", SAFE)
    result = check("--output-format", "full", "m.py", cwd=tmp_path)
    assert result.stdout.startswith("m.py:4:38: KL101 [*] `softmax`")
    assert result.stdout.endswith("\n\nFound 1 error.\n[*] 1 fixable with `--fix`.\n")


@pytest.mark.parametrize("output_format", ["json", "json-lines", "sarif", "github", "gitlab"])
def test_machine_formats_have_no_summary_and_no_mark(tmp_path: Path, output_format: str) -> None:
    write(tmp_path, "m.py", SAFE)
    result = check("--output-format", output_format, "m.py", cwd=tmp_path)
    assert result.returncode == 1
    for words in ("Found ", "fixable", "[*]", "All checks passed"):
        assert words not in result.stdout
    if output_format in ("json", "sarif", "gitlab"):
        json.loads(result.stdout)  # the whole output is one document
    write(tmp_path, "m.py", CLEAN)
    clean = check("--output-format", output_format, "m.py", cwd=tmp_path)
    assert "All checks passed" not in clean.stdout


# --- --fix, --show-fixes, --exit-non-zero-on-fix -----------------------------


def test_fix_summary_counts_what_was_fixed_and_what_remains(tmp_path: Path) -> None:
    write(tmp_path, "s.py", SAFE)
    write(tmp_path, "u.py", UNSAFE)
    result = check("--fix", "s.py", "u.py", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("u.py:2:41: KL101 `softmax`")  # no marks after --fix, as ruff
    assert lines[1:] == [
        "Found 2 errors (1 fixed, 1 remaining).",
        "1 unsafe fix available with `--fix --unsafe-fixes`.",
    ]
    assert 'activation="sigmoid"' in (tmp_path / "s.py").read_text()


def test_show_fixes_lists_the_fixes_per_file_and_code(tmp_path: Path) -> None:
    write(tmp_path, "b.py", SAFE + TYPO.replace("model", "other"))
    write(tmp_path, "a.py", TYPO)
    result = check("--fix", "--show-fixes", ".", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == (
        "\n"
        "Fixed 3 errors:\n"
        "- a.py:\n"
        "    1 × KL301 (unknown-loss)\n"
        "- b.py:\n"
        "    1 × KL101 (softmax-single-unit)\n"
        "    1 × KL301 (unknown-loss)\n"
        "\n"
        "Found 3 errors (3 fixed, 0 remaining).\n"
    )
    assert result.stdout == documented("keraslint check --fix --show-fixes .")
    # Nothing left to fix: nothing listed.
    assert check("--fix", "--show-fixes", ".", cwd=tmp_path).stdout == "All checks passed!\n"


def test_show_fixes_is_kept_by_quiet_and_refused_with_diff(tmp_path: Path) -> None:
    write(tmp_path, "m.py", SAFE)
    refused = check("--diff", "--show-fixes", "m.py", cwd=tmp_path)
    assert refused.returncode == 2 and "--show-fixes" in refused.stderr
    quiet = check("--fix", "--show-fixes", "-q", "m.py", cwd=tmp_path)
    assert quiet.stdout == "\nFixed 1 error:\n- m.py:\n    1 × KL101 (softmax-single-unit)\n\n"


def test_exit_non_zero_on_fix(tmp_path: Path) -> None:
    write(tmp_path, "m.py", SAFE)
    plain = check("--fix", "m.py", cwd=tmp_path)
    assert (plain.returncode, plain.stdout) == (0, "Found 1 error (1 fixed, 0 remaining).\n")
    write(tmp_path, "m.py", SAFE)
    strict = check("--fix", "--exit-non-zero-on-fix", "m.py", cwd=tmp_path)
    assert strict.returncode == 1
    # Nothing fixed this time: the status is the findings'.
    assert check("--fix", "--exit-non-zero-on-fix", "m.py", cwd=tmp_path).returncode == 0
    write(tmp_path, "m.py", SAFE)
    assert check("--fix", "--exit-non-zero-on-fix", "--exit-zero", "m.py", cwd=tmp_path).returncode == 0


def test_stdin_fix_summary_goes_to_stderr_with_the_findings(tmp_path: Path) -> None:
    result = check("--fix", "--exit-non-zero-on-fix", "-", cwd=tmp_path, stdin=SAFE.encode())
    assert result.stdout == SAFE.replace('"softmax"', '"sigmoid"')
    assert result.stderr == "Found 1 error (1 fixed, 0 remaining).\n"
    assert result.returncode == 1


# --- --diff --------------------------------------------------------------------


def test_diff_ends_with_would_fix(tmp_path: Path) -> None:
    write(tmp_path, "a.py", SAFE)
    write(tmp_path, "b.py", TYPO)
    result = check("--diff", ".", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.count("--- ") == 2
    assert "\n\n--- b.py\n" in result.stdout  # a blank line after each file's diff
    assert result.stdout.endswith("\n\nWould fix 2 errors.\n")
    one = check("--diff", "a.py", cwd=tmp_path)
    assert one.stdout.endswith("\n\nWould fix 1 error.\n")
    assert not check("--diff", "-q", "a.py", cwd=tmp_path).stdout.endswith("Would fix 1 error.\n")


def test_diff_with_only_unsafe_fixes_says_so(tmp_path: Path) -> None:
    write(tmp_path, "u.py", UNSAFE)
    result = check("--diff", "u.py", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        0,
        "No errors would be fixed (1 fix available with `--unsafe-fixes`).\n",
    )
    write(tmp_path, "s.py", SAFE)
    both = check("--diff", "s.py", "u.py", cwd=tmp_path)
    assert both.stdout.endswith("\n\nWould fix 1 error (1 additional fix available with `--unsafe-fixes`).\n")
    assert check("--diff", "--unsafe-fixes", "u.py", cwd=tmp_path).stdout.endswith("\n\nWould fix 1 error.\n")


# --- --statistics ------------------------------------------------------------


def test_statistics_as_ruff_prints_them(tmp_path: Path) -> None:
    write(tmp_path, "a.py", SAFE)
    write(tmp_path, "b.py", TYPO + TYPO.replace("model", "other"))
    result = check("--statistics", ".", "nope.py", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == (
        "2\tKL301\t[*] unknown-loss\n"
        "1\tKL002\t[ ] unreadable-file\n"
        "1\tKL101\t[*] softmax-single-unit\n"
        "Found 4 errors.\n"
        "[*] 3 fixable with `--fix`.\n"
    )


def test_statistics_example_of_the_docs(tmp_path: Path) -> None:
    write(tmp_path, "a.py", TYPO)
    write(tmp_path, "b.py", TYPO.replace("model", "other"))
    write(tmp_path, "c.py", SAFE)
    assert check("--statistics", ".", cwd=tmp_path).stdout == documented("keraslint check --statistics .")


def test_statistics_as_json(tmp_path: Path) -> None:
    write(tmp_path, "a.py", SAFE)
    write(tmp_path, "u.py", UNSAFE)
    write(tmp_path, "b.py", TYPO)
    result = check("--statistics", "--output-format", "json", ".", cwd=tmp_path)
    assert json.loads(result.stdout) == [
        {"code": "KL101", "name": "softmax-single-unit", "count": 2, "fixable": True, "fixable_count": 1},
        {"code": "KL301", "name": "unknown-loss", "count": 1, "fixable": True, "fixable_count": 1},
    ]
    write(tmp_path, "a.py", CLEAN)
    write(tmp_path, "b.py", CLEAN)
    only_unsafe = check("--statistics", "--output-format", "json", ".", cwd=tmp_path)
    assert json.loads(only_unsafe.stdout)[0]["fixable"] is False
    (tmp_path / "u.py").unlink()
    nothing = check("--statistics", "--output-format", "json", ".", cwd=tmp_path)
    assert (nothing.returncode, json.loads(nothing.stdout)) == (0, [])
    assert check("--statistics", ".", cwd=tmp_path).stdout == ""  # as ruff: no counts, no summary


def test_statistics_go_to_the_output_file_in_either_format(tmp_path: Path) -> None:
    write(tmp_path, "m.py", SAFE)
    as_json = check("--statistics", "--output-format", "json", "-o", "out/stats.json", "m.py", cwd=tmp_path)
    assert (as_json.returncode, as_json.stdout, as_json.stderr) == (1, "", "")
    assert json.loads((tmp_path / "out" / "stats.json").read_text()) == [
        {"code": "KL101", "name": "softmax-single-unit", "count": 1, "fixable": True, "fixable_count": 1}
    ]
    as_text = check("--statistics", "--color", "always", "-o", "out/stats.txt", "m.py", cwd=tmp_path)
    assert (as_text.returncode, as_text.stdout, as_text.stderr) == (1, "", "")
    assert (tmp_path / "out" / "stats.txt").read_text() == (
        "1\tKL101\t[*] softmax-single-unit\nFound 1 error.\n[*] 1 fixable with `--fix`.\n"
    )


def test_statistics_refuses_other_formats(tmp_path: Path) -> None:
    result = check("--statistics", "--output-format", "sarif", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "--statistics" in result.stderr and "Traceback" not in result.stderr


# --- -o, -q, -s --------------------------------------------------------------------


def test_output_file_gets_the_report_and_no_colour(tmp_path: Path) -> None:
    write(tmp_path, "m.py", SAFE)
    result = check("-o", "reports/lint.txt", "--color", "always", "m.py", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "")
    report = (tmp_path / "reports" / "lint.txt").read_text()
    assert report.startswith("m.py:4:38: KL101 [*] ")
    assert report.endswith("Found 1 error.\n[*] 1 fixable with `--fix`.\n")
    assert ESCAPE not in report
    as_json = check("--output-file", "r.json", "--output-format", "json", "m.py", cwd=tmp_path)
    assert as_json.stdout == ""
    assert json.loads((tmp_path / "r.json").read_text())[0]["code"] == "KL101"


def test_diff_goes_to_stdout_and_its_summary_to_the_output_file(tmp_path: Path) -> None:
    write(tmp_path, "m.py", SAFE)
    result = check("--diff", "-o", "o.txt", "m.py", cwd=tmp_path)
    assert result.stdout.startswith("--- m.py\n")
    assert (tmp_path / "o.txt").read_text() == "Would fix 1 error.\n"


def test_quiet_prints_only_the_findings(tmp_path: Path) -> None:
    write(tmp_path, "m.py", SAFE)
    result = check("-q", "m.py", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.count("\n") == 1 and result.stdout.startswith("m.py:4:38: KL101 [*] ")
    write(tmp_path, "ok.py", CLEAN)
    assert check("--quiet", "ok.py", cwd=tmp_path).stdout == ""
    stats = check("-q", "--statistics", "m.py", cwd=tmp_path).stdout
    assert stats == "1\tKL101\t[*] softmax-single-unit\n"


def test_silent_prints_nothing_and_keeps_the_status(tmp_path: Path) -> None:
    write(tmp_path, "m.py", SAFE)
    for options in (["-s"], ["--silent", "--statistics"], ["-s", "--output-format", "json"]):
        result = check(*options, "m.py", cwd=tmp_path)
        assert (result.returncode, result.stdout, result.stderr) == (1, "", "")
    fixed = check("-s", "--fix", "m.py", cwd=tmp_path)
    assert (fixed.returncode, fixed.stdout, fixed.stderr) == (0, "", "")
    assert 'activation="sigmoid"' in (tmp_path / "m.py").read_text()
    assert check("-q", "-s", "m.py", cwd=tmp_path).returncode == 2  # one or the other


# --- colour ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "env", "coloured"),
    [
        ([], {}, False),  # not a terminal
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "0"}, True),  # any non-empty value, as ruff
        ([], {"FORCE_COLOR": ""}, False),
        ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        (["--color", "always"], {}, True),
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        (["--color", "auto"], {"FORCE_COLOR": "1"}, True),
    ],
)
def test_colour_off_a_terminal(tmp_path: Path, options: list[str], env: dict[str, str], coloured: bool) -> None:
    write(tmp_path, "m.py", SAFE)
    result = check(*options, "m.py", cwd=tmp_path, env=env)
    assert (ESCAPE in result.stdout) is coloured
    plain = re.sub("\x1b\\[[0-9;]*m", "", result.stdout)
    assert "KL101" in plain and "Found 1 error." in plain


def test_colour_codes_are_those_ruff_uses(tmp_path: Path) -> None:
    write(tmp_path, "m.py", SAFE)
    result = check("--color", "always", "m.py", cwd=tmp_path)
    first = result.stdout.splitlines()[0]
    assert first.startswith(
        "\x1b[1mm.py\x1b[0m\x1b[36m:\x1b[0m4\x1b[36m:\x1b[0m38\x1b[36m:\x1b[0m \x1b[1;31mKL101\x1b[0m"
    )
    assert " [\x1b[36m*\x1b[0m] `softmax`" in first
    write(tmp_path, "ok.py", CLEAN)
    assert check("--color", "always", "ok.py", cwd=tmp_path).stdout == "\x1b[1;32mAll checks passed!\x1b[0m\n"


def _on_a_terminal(tmp_path: Path, env: dict[str, str]) -> str:
    """keraslint's output when its stdout is a terminal."""
    pty = pytest.importorskip("pty")
    primary, secondary = pty.openpty()
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "keraslint", "check", "--no-cache", "m.py"],
            cwd=tmp_path,
            env={**os.environ, **env},
            stdout=secondary,
            stderr=subprocess.PIPE,
            check=False,
        )
        os.close(secondary)
        secondary = -1
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 1 << 16)
            except OSError:  # Linux: EIO once the terminal has no writer
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(primary)
        if secondary != -1:
            os.close(secondary)
    assert completed.returncode == 1, completed.stderr
    return b"".join(chunks).decode()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(
    ("env", "coloured"),
    [({}, True), ({"NO_COLOR": "1"}, False), ({"NO_COLOR": ""}, True)],
)
def test_colour_on_a_terminal(tmp_path: Path, env: dict[str, str], coloured: bool) -> None:
    write(tmp_path, "m.py", SAFE)
    output = _on_a_terminal(tmp_path, env)
    assert "Found 1 error." in output
    assert (ESCAPE in output) is coloured


# --- a reader that leaves early ---------------------------------------------------


def test_a_reader_that_leaves_early_ends_the_output_quietly(tmp_path: Path) -> None:
    # More findings than a pipe holds (64 KiB on Linux): the writer meets
    # the closed pipe while findings are still to come.
    for index in range(40):
        write(tmp_path, f"m{index:02}.py", SAFE * 12)
    script = (
        f"{sys.executable} -m keraslint check --no-cache . 2>err.txt | head -1; echo ${{PIPESTATUS[0]}} >status.txt"
    )
    shown = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert shown.stdout.startswith("m00.py:4:38: KL101 [*] ") and shown.stdout.count("\n") == 1
    assert (tmp_path / "err.txt").read_text() == ""
    assert (tmp_path / "status.txt").read_text().strip() == "1"


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["rule", "KL101"], 0),
        (["rule", "softmax-single-unit"], 0),
        (["rule", "--all"], 0),
        (["--list-rules"], 0),
        (["check", "--explain", "KL101"], 0),
        (["check", "--show-settings"], 0),
        (["check", "--no-cache", "m.py"], 1),
        (["check", "--no-cache", "clean.py"], 0),
        (["check", "--no-cache", "--statistics", "--output-format", "json", "m.py"], 1),
        (["rule", "KL999"], 2),  # said on stderr, before any output
    ],
)
def test_every_command_whose_reader_is_gone_ends_quietly_with_its_usual_status(
    tmp_path: Path, args: list[str], status: int
) -> None:
    # The reading end is closed before keraslint writes: every write meets
    # a broken pipe, whatever the size of the output and the timing.
    write(tmp_path, "m.py", SAFE)
    write(tmp_path, "clean.py", CLEAN)
    process = subprocess.Popen(
        [sys.executable, "-m", "keraslint", *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait(timeout=120) == status, error
    if status != 2:
        assert error == ""
    else:
        assert error.startswith("keraslint: error: no rule `KL999`") and "Traceback" not in error
