"""Regression tests for the bugs of issue 10's adversarial trial that are not
about ``--fix``, the language server or the analysis' complexity (those
have their own files): code execution through git, crashes on hostile
notebooks, configs, names and streams, wrong results and unclear messages.
Each test names its bug (X1, C2, ..., U4) and failed before the fix."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from helpers import BUGGY, TYPO, findings, run, write

GOOD = "zz_good.py"  # sorts last: checked after the hostile file
KL = [sys.executable, "-m", "keraslint"]


def assert_clean_failure(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Error:" not in result.stderr.replace("error:", ""), result.stderr


# ---------------------------------------------------------------------------
# Code execution
# ---------------------------------------------------------------------------


def test_x1_git_config_of_the_linted_tree_runs_nothing(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    marker = tmp_path / "PWNED"
    tree = tmp_path / "tree"
    tree.mkdir()
    subprocess.run(["git", "init", "-q", str(tree)], check=True)
    subprocess.run(["git", "-C", str(tree), "config", "core.fsmonitor", f"touch {marker}; echo"], check=True)
    write(tree, ".gitignore", "ignored.py\n")
    write(tree, "ignored.py", BUGGY)
    write(tree, "a.py", BUGGY)
    result = run(".", "--no-cache", cwd=tree)
    assert not marker.exists(), "keraslint ran the tree's core.fsmonitor command"
    # .gitignore is still honoured.
    assert result.stdout.startswith("a.py:4:38: KL101") and "ignored.py" not in result.stdout


def test_python_m_does_not_import_from_the_current_directory(tmp_path: Path) -> None:
    write(tmp_path, "json.py", "raise SystemExit('imported json.py from the linted tree')\n")
    write(tmp_path, "argparse.py", "raise SystemExit('imported argparse.py from the linted tree')\n")
    write(tmp_path, "m.py", BUGGY)
    result = run("m.py", "--no-cache", cwd=tmp_path)
    assert "linted tree" not in result.stderr
    assert result.stdout.startswith("m.py:4:38: KL101")


# ---------------------------------------------------------------------------
# Crashes: hostile notebooks, configs, strings, streams, names
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"cells": ' + "[" * 100_000 + "]" * 100_000 + "}", "invalid notebook: JSON nested too deeply to read"),
        ('{"cells": [], "n": ' + "1" * 5000 + "}", "invalid notebook: Exceeds the limit (4300 digits)"),
        (
            json.dumps({"worksheets": [{"cells": []}], "metadata": {}, "nbformat": 3, "nbformat_minor": 0}),
            "notebook format 3 is not supported (nbformat 4 and later are)",  # U3
        ),
    ],
    ids=["c2-deep-nesting", "c2-huge-number", "u3-nbformat-3"],
)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_c2_u3_hostile_notebooks_are_one_line_each(tmp_path: Path, content: str, reason: str, jobs: str) -> None:
    write(tmp_path, "a.ipynb", content)
    for number in range(20):  # enough files for worker processes
        write(tmp_path, f"good{number:02}.py", BUGGY)
    result = run(".", "--no-cache", "--jobs", jobs, cwd=tmp_path)
    assert_clean_failure(result)
    assert result.stderr == "" and result.returncode == 1
    lines = findings(result.stdout)
    assert lines[0].startswith(f"a.ipynb:1:1: KL002 cannot read file: {reason}")
    assert len(lines) == 21 and all(" KL101 " in line for line in lines[1:])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[project]\nx = " + "[" * 5000 + "]" * 5000 + "\n", "invalid TOML: nested too deeply to read"),
        ("[project]\nx = " + "9" * 5000 + "\n", "invalid TOML: Exceeds the limit (4300 digits)"),
        ("[tool]\nx = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n", "invalid TOML: nested too deeply to read"),
    ],
    ids=["deep-array", "huge-integer", "deep-inline-table"],
)
def test_c3_hostile_pyproject_up_the_tree(tmp_path: Path, content: str, message: str) -> None:
    write(tmp_path, "pyproject.toml", content)
    write(tmp_path, "sub/a.py", "x = 1\n")
    result = run("a.py", cwd=tmp_path / "sub")
    assert_clean_failure(result)
    assert result.returncode == 2
    assert result.stderr.startswith(f"keraslint: error: {tmp_path / 'pyproject.toml'}: {message}")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("tool", ["1", '"x"', "[1, 2]"])
def test_c3_config_whose_tool_is_not_a_table(tmp_path: Path, tool: str) -> None:
    write(tmp_path, "pyproject.toml", f"tool = {tool}\n")
    write(tmp_path, "a.py", "x = 1\n")
    result = run("--config", "pyproject.toml", "a.py", cwd=tmp_path)
    assert_clean_failure(result)
    assert result.returncode == 2
    assert result.stderr.startswith("keraslint: error: pyproject.toml: `tool` must be a table")


@pytest.mark.parametrize("output_format", ["concise", "full", "github", "gitlab", "json", "json-lines", "sarif"])
def test_c4_lone_surrogate_in_a_loss_string(tmp_path: Path, output_format: str) -> None:
    write(tmp_path, "s.py", 'import keras\nm.compile(loss="\\ud800")\n')
    write(tmp_path, GOOD, BUGGY)
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # strict UTF-8, as a CI runner's
    result = subprocess.run(
        [*KL, "--no-cache", "--output-format", output_format, "."],
        cwd=tmp_path,
        capture_output=True,
        env=environment,
        check=False,
    )
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr and stderr == ""
    assert result.returncode == 1
    stdout = result.stdout.decode("utf-8")  # what was written is valid UTF-8
    assert "KL301" in stdout and "KL101" in stdout
    if output_format in ("concise", "full"):
        assert "`\\ud800`" in stdout  # shown as the escape the source holds


def test_c4_lone_surrogate_in_a_notebook_cell(tmp_path: Path) -> None:
    cells = [
        {"cell_type": "code", "metadata": {}, "outputs": [], "source": 'import keras\nm.compile(loss="\\ud800")\n'}
    ]
    write(tmp_path, "a.ipynb", json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    result = run("--no-cache", "a.ipynb", cwd=tmp_path)
    assert_clean_failure(result)
    assert result.stdout.startswith("a.ipynb:cell 1:2:16: KL301 unknown loss `\\ud800`")


def _tree_with_findings(root: Path, count: int = 30) -> Path:
    for number in range(count):
        write(root, f"m{number:02}.py", BUGGY)
    return root


def test_c6_broken_pipe_ends_quietly(tmp_path: Path) -> None:
    _tree_with_findings(tmp_path, 200)
    for extra in ([], ["--diff"]):
        if extra:
            for number in range(200):
                write(tmp_path, f"m{number:02}.py", TYPO)
        command = " ".join([*KL, "--no-cache", *extra, "."]) + " | head -1; echo rc=${PIPESTATUS[0]} >&2"
        result = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, check=False)
        assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
        assert len(result.stdout.splitlines()) == 1
        assert result.stderr.strip() == "rc=1"  # the usual status: there are findings (or fixes)


def test_c6_closed_stdout_full_disk_and_closed_stdin(tmp_path: Path) -> None:
    _tree_with_findings(tmp_path, 3)
    cases = {
        ">&-": "keraslint: error: cannot write the report: standard output is closed",
        "> /dev/full": "keraslint: error: cannot write the report: No space left on device",
    }
    for redirect, message in cases.items():
        command = " ".join([*KL, "--no-cache", "."]) + " " + redirect
        result = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, check=False)
        assert result.stderr.strip() == message and result.returncode == 2, (redirect, result.stderr)
    command = " ".join([*KL, "--no-cache", "-"]) + " <&-"
    result = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.stderr.strip() == "keraslint: error: cannot read standard input: it is closed"
    assert result.returncode == 2


def test_c7_over_long_names(tmp_path: Path) -> None:
    write(tmp_path, GOOD, BUGGY)
    long_name = "b" * 300 + ".py"
    result = run("--no-cache", long_name, GOOD, cwd=tmp_path)
    assert_clean_failure(result)
    assert result.stdout.splitlines()[0] == f"{long_name}:1:1: KL002 cannot read file: File name too long"
    assert result.stdout.splitlines()[1].startswith(f"{GOOD}:4:38: KL101")
    result = run("--stdin-filename", "a/" * 3000 + "x.py", "-", cwd=tmp_path, stdin=BUGGY.encode())
    assert_clean_failure(result)
    assert result.returncode == 1 and ":4:38: KL101" in result.stdout


def test_c14_stdin_is_read_only_up_to_its_limit(tmp_path: Path) -> None:
    # Endless input: read up to the limit, then one KL002 line; memory stays bounded.
    command = "head -c 80000000 /dev/zero | " + " ".join([*KL, "-"])
    result = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert_clean_failure(result)
    assert result.stdout == "-:1:1: KL002 cannot read file: too large to read (more than 64 MB)\nFound 1 error.\n"
    assert result.returncode == 1
    # `--fix -` gives such an input back unchanged, streamed.
    big = tmp_path / "big.py"
    with open(big, "wb") as handle:
        handle.write(b"x = 1  # " + os.urandom(70 * 1024 * 1024) + b"\n")
    with open(big, "rb") as stdin:
        fixed = subprocess.run([*KL, "--fix", "-"], stdin=stdin, cwd=tmp_path, capture_output=True, check=False)
    assert fixed.stdout == big.read_bytes()
    assert b"too large to read" in fixed.stderr


def test_c11_u1_file_names_cannot_forge_or_break_output(tmp_path: Path) -> None:
    write(tmp_path, os.fsdecode(b"bad\xff.py"), BUGGY)
    write(tmp_path, "evil.py:1:1: KL101 forged finding\nreal.py", BUGGY)
    for output_format in ("concise", "full", "gitlab", "github", "json", "sarif"):
        result = subprocess.run(
            [*KL, "--no-cache", "--output-format", output_format, "."],
            cwd=tmp_path,
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            check=False,
        )
        stderr = result.stderr.decode()
        assert "Traceback" not in stderr and stderr == "", (output_format, stderr)
        stdout = result.stdout.decode("utf-8")
        assert result.returncode == 1
        # No line of the output is the forged finding alone, none starts with the name's second half.
        lines = findings(stdout)
        assert "evil.py:1:1: KL101 forged finding" not in lines, output_format
        assert not any(line.startswith("real.py") for line in lines), output_format
        if output_format == "concise":
            assert lines[0].startswith("bad\\xff.py:4:38: KL101")
            assert lines[1].startswith("evil.py:1:1: KL101 forged finding\\nreal.py:4:38: KL101")
            assert len(lines) == 2


def test_c11_gitlab_fingerprints_differ_for_undecodable_names(tmp_path: Path) -> None:
    write(tmp_path, os.fsdecode(b"a\xff.py"), BUGGY)
    write(tmp_path, os.fsdecode(b"a\xfe.py"), BUGGY)
    result = run("--no-cache", "--output-format", "gitlab", ".", cwd=tmp_path)
    issues = json.loads(result.stdout)
    assert len({issue["fingerprint"] for issue in issues}) == 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_c15_ctrl_c_prints_no_traceback(tmp_path: Path, jobs: str) -> None:
    for number in range(60):
        write(tmp_path, f"m{number:02}.py", BUGGY + "x = 1\n" * 2000)
    process = subprocess.Popen(
        [*KL, "--no-cache", "--jobs", jobs, "."],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    time.sleep(2.5)  # imports done, files being checked
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
    _, stderr = process.communicate(timeout=60)
    text = stderr.decode()
    assert "Traceback" not in text and "KeyboardInterrupt" not in text, text
    if process.returncode == 130:  # interrupted (not already finished)
        assert text == "keraslint: interrupted\n"


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False).stdout.split()
    return [int(child) for child in found]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ")[-1][:1] not in ("Z", "X")
    except OSError:
        return False


def test_c16_workers_end_when_the_main_process_is_killed(tmp_path: Path) -> None:
    if not Path("/proc").is_dir() or shutil.which("pgrep") is None:
        pytest.skip("needs /proc and pgrep")
    for number in range(80):
        write(tmp_path, f"m{number:02}.py", BUGGY + "x = 1\n" * 3000)
    process = subprocess.Popen(
        [*KL, "--no-cache", "--jobs", "2", "."], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    workers: list[int] = []
    deadline = time.monotonic() + 30
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
        workers = _children(process.pid)
    if len(workers) < 2:
        process.kill()
        pytest.skip("the run ended before its workers could be seen")
    process.kill()
    process.wait()
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == [], "worker processes outlived the main process"


# ---------------------------------------------------------------------------
# As another user: unsearchable folders, unlistable directories, fork limits
# ---------------------------------------------------------------------------

AS_NOBODY = """
import contextlib, io, os, sys
from keraslint.cli import main
import concurrent.futures.process, multiprocessing.popen_fork, multiprocessing.queues, multiprocessing.synchronize
with contextlib.redirect_stdout(io.StringIO()):
    main(["zz_good.py", "--no-cache", "--exit-zero"])
os.setgroups([])
os.setgid(65534)
os.setuid(65534)
sys.exit(main(sys.argv[1:]))
"""


def as_nobody(folder: Path, *args: str, prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    if os.geteuid() != 0:
        pytest.skip("needs root, to run the check as nobody")
    result = subprocess.run(
        [*(prefix or []), sys.executable, "-c", AS_NOBODY, *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if "Operation not permitted" in result.stderr:
        pytest.skip("this root may not change its user id")
    return result


@pytest.fixture
def shared_folder() -> Path:
    # tmp_path's parents are private to root: `nobody` needs a folder it can enter.
    folder = Path(tempfile.mkdtemp(prefix="keraslint-adversarial-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for root, dirs, _ in os.walk(folder):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        shutil.rmtree(folder)


def test_w1_unlistable_directories_are_reported(shared_folder: Path) -> None:
    write(shared_folder, GOOD, BUGGY).chmod(0o644)
    secret = shared_folder / "secret"
    secret.mkdir()
    write(secret, "m.py", BUGGY).chmod(0o644)
    secret.chmod(0o311)  # can be entered, not listed
    result = as_nobody(shared_folder, "--no-cache", "secret")
    assert result.stdout == "secret:1:1: KL002 cannot list directory: Permission denied\nFound 1 error.\n"
    assert result.returncode == 1 and result.stderr == ""
    secret.chmod(0o000)
    result = as_nobody(shared_folder, "--no-cache", ".")
    lines = findings(result.stdout)
    assert lines[0] == "secret:1:1: KL002 cannot list directory: Permission denied"
    assert lines[1].startswith(f"{GOOD}:4:38: KL101") and len(lines) == 2


def test_c7_unsearchable_first_path(shared_folder: Path) -> None:
    write(shared_folder, GOOD, BUGGY).chmod(0o644)
    secret = shared_folder / "secret"
    secret.mkdir()
    write(secret, "m.py", BUGGY).chmod(0o644)
    secret.chmod(0o000)
    result = as_nobody(shared_folder, "--no-cache", "secret", GOOD)
    assert "Traceback" not in result.stderr and result.stderr == ""
    assert result.stdout.splitlines()[0] == "secret:1:1: KL002 cannot list directory: Permission denied"


def test_c8_fork_limit_falls_back_to_one_process(shared_folder: Path) -> None:
    if shutil.which("prlimit") is None:
        pytest.skip("needs prlimit")
    for number in range(20):
        write(shared_folder, f"m{number:02}.py", BUGGY).chmod(0o644)
    write(shared_folder, GOOD, BUGGY).chmod(0o644)
    # nobody may run 2 processes: the check itself and one worker.
    result = as_nobody(shared_folder, "--no-cache", "--jobs", "1000", ".", prefix=["prlimit", "--nproc=2"])
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert len(findings(result.stdout)) == 21
    assert result.stderr.startswith("keraslint: cannot start ") and result.stderr.endswith("checking in one\n")


def test_c8_workers_are_bounded_by_the_work() -> None:
    from keraslint.runner import worker_count

    cores = os.cpu_count() or 1
    assert worker_count(1000, 20) <= min(3, 2 * cores)
    assert worker_count(1000, 10_000) == 2 * cores
    assert worker_count(1, 10_000) == 1
    assert worker_count(8, 5) == 1


# ---------------------------------------------------------------------------
# Wrong results
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "entry",
    [
        "{}",
        "[]",
        '{"key": "KEY", "diagnostics": []}',
        '{"key": "KEY", "diagnostics": {}}',
        '{"key": "KEY", "diagnostics": [{"code": 5, "span": [1, 2, 1, 2], "message": "m", "hint": null, "fix": null}]}',
        '{"key": "KEY", "diagnostics": [{"code": "KL101", "span": [1, "x", 1, 2], "message": "m", "hint": null, '
        '"fix": null}]}',
        '{"key": "KEY", "diagnostics": [{"code": "KL101", "span": [1, 2, 1], "message": "m", "hint": null, '
        '"fix": null}]}',
        '{"key": "KEY", "diagnostics": [{"code": "KL101", "span": [1, 2, 1, 2], "message": "m", "hint": 3, '
        '"fix": null}]}',
        '{"key": "KEY", "diagnostics": [{"code": "KL101", "span": [1, 2, 1, 2], "message": "m", "hint": null, '
        '"fix": {"span": 1}}]}',
        "[" * 100_000 + "]" * 100_000,
    ],
    ids=[
        "object",
        "list",
        "another-files-entry",
        "diagnostics-not-a-list",
        "code-not-text",
        "span-not-numbers",
        "short-span",
        "hint",
        "fix",
        "deep",
    ],
)
def test_w3_malformed_cache_entries_are_misses(tmp_path: Path, entry: str) -> None:
    write(tmp_path, "m.py", BUGGY)
    cache = tmp_path / "cache"
    first = run("m.py", "--cache-dir", str(cache), cwd=tmp_path)
    entries = [p for p in cache.rglob("*.json")]
    assert len(entries) == 1
    # KEY: a key that is not this entry's (another file's entry copied over it).
    entries[0].write_text(entry.replace("KEY", "0" * 64))
    again = run("m.py", "--cache-dir", str(cache), cwd=tmp_path)
    assert_clean_failure(again)
    assert again.stdout == first.stdout and again.returncode == 1


def test_w4_noqa_in_a_cr_only_file(tmp_path: Path) -> None:
    code = (
        "from tensorflow import keras\r"
        'model = keras.Sequential([keras.layers.Dense(1, activation="softmax")])  # noqa: KL101\r'
        'model.compile(loss="binary_crossentropy")\r'
    )
    write(tmp_path, "cr.py", code.encode())
    result = run("--no-cache", "cr.py", cwd=tmp_path)
    assert result.stdout == "All checks passed!\n" and result.returncode == 0
    # KL003 is placed on the comment's own line.
    write(tmp_path, "cr3.py", code.replace("KL101", "KL101, KL204").encode())
    result = run("--no-cache", "--extend-select", "KL003", "cr3.py", cwd=tmp_path)
    assert result.stdout.startswith("cr3.py:2:")
    assert "KL003 [*] unused code `KL204`" in result.stdout


def test_w4_cr_only_notebook_cell_positions(tmp_path: Path) -> None:
    cell = (
        "from tensorflow import keras\r"
        'model = keras.Sequential([keras.layers.Dense(1, activation="softmax")])\r'
        'model.compile(loss="binary_crossentropy")\r'
    )
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "source": cell}]
    write(tmp_path, "a.ipynb", json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    result = run("--no-cache", "a.ipynb", cwd=tmp_path)
    assert result.stdout.startswith("a.ipynb:cell 1:2:60: KL101 ")
    assert "(loss `binary_crossentropy` at cell 1, line 3)" in result.stdout


def test_w5_diff_honours_exit_zero(tmp_path: Path) -> None:
    write(tmp_path, "d.py", TYPO)
    result = run("--diff", "--exit-zero", "--no-cache", "d.py", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("--- d.py")
    assert run("--diff", "--no-cache", "d.py", cwd=tmp_path).returncode == 1


def test_w6_unknown_selector_message_is_deterministic(tmp_path: Path) -> None:
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        result = subprocess.run(
            [*KL, "--select", "KL999", "."],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=False,
        )
        outputs.add(result.stderr)
    assert len(outputs) == 1
    listed = outputs.pop().split("known codes: ")[1].rstrip(")\n").split(", ")
    assert listed == sorted(listed)


@pytest.mark.parametrize("separator", ["\x0c", "\x0b", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_w7_full_format_shows_the_right_line(tmp_path: Path, separator: str) -> None:
    code = (
        "from tensorflow import keras\n"
        f"# page {separator} break\n"
        'model = keras.Sequential([keras.layers.Dense(1, activation="softmax")])\n'
        'model.compile(loss="binary_crossentropy")\n'
    )
    write(tmp_path, "ff.py", code.encode())
    result = run("--no-cache", "--output-format", "full", "ff.py", cwd=tmp_path)
    assert (
        result.stdout.splitlines()[2] == '3 | model = keras.Sequential([keras.layers.Dense(1, activation="softmax")])'
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "cp037"])
def test_w8_cookies_python_refuses_are_kl002(tmp_path: Path, encoding: str) -> None:
    write(tmp_path, "u.py", f"# coding: {encoding}\nimport keras\n".encode("ascii"))
    write(tmp_path, GOOD, BUGGY)
    result = run("--no-cache", ".", cwd=tmp_path)
    assert result.stdout.splitlines()[0].startswith("u.py:1:1: KL002 cannot read file: encoding problem: ")
    assert result.returncode == 1


def test_w8_ascii_based_cookies_python_accepts_are_read(tmp_path: Path) -> None:
    for encoding in ("latin-1", "cp1252", "shift_jis", "utf-7", "euc-jp"):
        write(tmp_path, "u.py", f"# coding: {encoding}\n{BUGGY}".encode("ascii"))
        result = run("--no-cache", "u.py", cwd=tmp_path)
        assert result.stdout.startswith("u.py:5:38: KL101"), (encoding, result.stdout)


def test_w8_agrees_with_cpython_on_every_codec() -> None:
    """keraslint reads a file with a cookie exactly when CPython's compiler
    does (for every codec CPython knows as a text encoding)."""
    import encodings.aliases
    import warnings

    from keraslint.sources import UnreadableSource
    from keraslint.sources.python import decode

    names = sorted(set(encodings.aliases.aliases.values()) | set(encodings.aliases.aliases))
    checked = 0
    for name in names:
        data = f"# coding: {name}\nx = 1\n".encode("ascii")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                compile(data, "u.py", "exec")
            python_reads = True
        except SyntaxError as error:
            if "unknown encoding" in str(error) or "not a text encoding" in str(error):
                continue  # refused by both, for another reason
            python_reads = False
        try:
            keraslint_reads = decode(data) == "# coding: " + name + "\nx = 1\n"
        except UnreadableSource:
            keraslint_reads = False
        assert keraslint_reads == python_reads, name
        checked += 1
    assert checked > 300


def test_w9_cache_symlink_is_never_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    repo = tmp_path / "repo"
    write(repo, "m.py", BUGGY)
    write(repo, "pyproject.toml", "[tool.keraslint]\n")
    os.symlink("../victim", repo / ".keraslint_cache")
    result = run(".", cwd=repo)
    assert result.returncode == 1 and "KL101" in result.stdout
    assert list(victim.rglob("*")) == []
    # A shard folder that is a link is not written through either.
    os.unlink(repo / ".keraslint_cache")
    run(".", cwd=repo)
    shard = next(p for p in (repo / ".keraslint_cache").iterdir() if p.is_dir())
    shutil.rmtree(shard)
    os.symlink(victim, shard)
    run(".", cwd=repo)
    assert list(victim.rglob("*")) == []


# ---------------------------------------------------------------------------
# Unclear messages
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["", ",,,", " , "])
def test_u2_empty_select_is_an_error(tmp_path: Path, value: str) -> None:
    write(tmp_path, "m.py", BUGGY)
    result = run("--select", value, "m.py", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("keraslint: error: empty rule selector")


def test_u2_empty_code_in_config_select_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "m.py", BUGGY)
    write(tmp_path, "pyproject.toml", '[tool.keraslint]\nselect = [""]\n')
    result = run("m.py", cwd=tmp_path)
    assert result.returncode == 2 and "empty rule selector" in result.stderr
    write(tmp_path, "pyproject.toml", "[tool.keraslint]\nselect = []\n")  # nothing, on purpose
    assert run("m.py", cwd=tmp_path).returncode == 0


def test_u4_diff_writes_no_cache(tmp_path: Path) -> None:
    write(tmp_path, "d.py", TYPO)
    write(tmp_path, "pyproject.toml", "[tool.keraslint]\n")
    before = sorted(tmp_path.rglob("*"))
    result = run("--diff", ".", cwd=tmp_path)
    assert result.returncode == 1 and "+++ d.py" in result.stdout
    assert sorted(tmp_path.rglob("*")) == before


def test_u4_cache_is_not_dropped_in_the_current_directory(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write(project, "pyproject.toml", "[project]\nname = 'p'\n")
    write(project, "src/m.py", BUGGY)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    environment.pop("KERASLINT_CACHE_DIR", None)
    subprocess.run(
        [*KL, str(project / "src" / "m.py")], cwd=elsewhere, env=environment, capture_output=True, check=False
    )
    assert list(elsewhere.iterdir()) == []
    assert (project / ".keraslint_cache").is_dir()  # the top of the project holding the file
    # Outside any project: the user's cache directory.
    loose = tmp_path / "loose"
    write(loose, "m.py", BUGGY)
    subprocess.run([*KL, "m.py"], cwd=loose, env=environment, capture_output=True, check=False)
    assert sorted(p.name for p in loose.iterdir()) == ["m.py"]
    assert (tmp_path / "xdg" / "keraslint").is_dir()


def test_coding_cookie_in_a_cr_only_file(tmp_path: Path) -> None:
    # CPython finds the cookie on a line ended by a lone CR (tokenize's
    # BytesIO.readline alone would not).
    write(tmp_path, "l.py", b"# coding: latin-1\rname = 'caf\xe9'\r" + BUGGY.replace("\n", "\r").encode())
    result = run("--no-cache", "l.py", cwd=tmp_path)
    assert result.stdout.startswith("l.py:6:38: KL101"), result.stdout
