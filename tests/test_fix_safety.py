"""``--fix`` never loses a byte: regression tests for the adversarial trial
(issue 10: D1-D6, W2, C5).

A fix writes only the bytes of the fixed literals, through the file's own
path (symlinks and hard links kept), as its owner and mode left them, never
over changes made since the file was read, never into a file the user may
not write; a file that cannot be fixed is said in one line and the others
are fixed all the same.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

from helpers import run, write
from keraslint import cli, fixes
from keraslint.config import Settings
from keraslint.runner import check_bytes, check_paths

FIX = (
    "import keras\n"
    'm = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])\n'
    'm.compile(loss="binary_crossentrop")\n'
)
FIXED = FIX.replace("binary_crossentrop", "binary_crossentropy")


def _args(**overrides: object) -> argparse.Namespace:
    return argparse.Namespace(**{"unsafe_fixes": False, "exit_zero": False, **overrides})


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.startswith(".keraslint-")]


# -- D1: an edit made while keraslint runs is never overwritten ---------------


def test_d1_an_edit_saved_after_the_check_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edited = write(tmp_path, "zzz.py", FIX)
    other = write(tmp_path, "aaa.py", FIX)
    results = check_paths([str(other), str(edited)], Settings())
    # The lint phase is over; an editor saves the file before the fix phase.
    edited.write_text(FIX + "x = 1  # my edit\n")
    _, fixed = cli._fix_files(results, _args(), Settings())
    assert edited.read_text() == FIX + "x = 1  # my edit\n"
    assert other.read_text() == FIXED
    err = capsys.readouterr().err
    assert f"keraslint: {edited}: fixes not applied: it changed while being checked\n" in err
    assert fixed == {str(other): {"KL301": 1}}
    assert _leftovers(tmp_path) == []


def test_d1_an_edit_saved_while_the_fixed_file_is_being_written_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The smallest window: the edit lands once the fixed content is ready
    # and its temporary file is being made, just before the rename.
    path = write(tmp_path, "m.py", FIX)
    results = check_paths([str(path)], Settings())
    real_mkstemp = tempfile.mkstemp

    def mkstemp_while_an_editor_saves(*args: object, **kwargs: object) -> tuple[int, str]:
        with open(path, "a") as handle:
            handle.write("x = 1  # my edit\n")
        return real_mkstemp(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_while_an_editor_saves)
    cli._fix_files(results, _args(), Settings())
    assert path.read_text() == FIX + "x = 1  # my edit\n"
    assert "m.py: fixes not applied: it changed while being checked" in capsys.readouterr().err
    assert _leftovers(tmp_path) == []


# -- D2: --fix - always gives the input back ----------------------------------


def test_d2_an_excluded_stdin_filename_gets_its_input_back(tmp_path: Path) -> None:
    data = FIX.encode()
    result = run(
        "--fix", "--force-exclude", "--extend-exclude", "build", "--stdin-filename", "build/c.py", "-",
        cwd=tmp_path, stdin=data,
    )  # fmt: skip
    assert result.stdout.encode() == data and result.returncode == 0


def test_d2_fix_stdin_without_a_result_writes_the_input(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    # main() hands _fix_stdin no result for an excluded name.
    data = b"\xef\xbb\xbf" + FIX.encode()
    assert cli._fix_stdin(None, data, _args()) == cli.EXIT_CLEAN
    assert capsysbinary.readouterr().out == data


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("l.py", b'x = "caf\xe9"\n'),  # latin-1 without a cookie
        ("u.py", "x = 1\n".encode("utf-16")),
        ("k.py", b"# -*- coding: no-such-codec -*-\nx = 1\n"),
        ("n.ipynb", b'{"cells": [,]}'),
    ],
)
def test_d2_input_that_cannot_be_read_is_given_back_unchanged(tmp_path: Path, name: str, data: bytes) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "keraslint", "--fix", "--stdin-filename", name, "-"],
        cwd=tmp_path, input=data, capture_output=True, check=False,
    )  # fmt: skip
    assert completed.stdout == data
    assert b" KL002 " in completed.stderr and completed.returncode == 1
    assert b"Traceback" not in completed.stderr


# -- D3: --fix - keeps the input's own encoding ---------------------------------


def _fix_stdin_bytes(tmp_path: Path, data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "keraslint", "--fix", *args, "-"], cwd=tmp_path, input=data, capture_output=True
    )


def test_d3_fix_stdin_keeps_a_latin1_file_latin1(tmp_path: Path) -> None:
    data = ("# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n" + FIX).encode("latin-1")
    completed = _fix_stdin_bytes(tmp_path, data)
    assert completed.stdout == data.replace(b"binary_crossentrop", b"binary_crossentropy")
    assert completed.returncode == 0


def test_d3_fix_stdin_gives_unfixed_input_back_byte_for_byte(tmp_path: Path) -> None:
    for data in (
        b"\xef\xbb\xbfx = 1\n",
        "# -*- coding: cp1252 -*-\nx = '\u20ac caf\xe9'\r\n".encode("cp1252"),
        b"\xef\xbb\xbf" + FIX.replace("binary_crossentrop", "binary_crossentropy").encode(),
    ):
        completed = _fix_stdin_bytes(tmp_path, data)
        assert completed.stdout == data and completed.returncode == 0


def test_d3_fix_stdin_keeps_the_bom(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf# caf\xc3\xa9\n" + FIX.encode()
    completed = _fix_stdin_bytes(tmp_path, data)
    assert completed.stdout == data.replace(b"binary_crossentrop", b"binary_crossentropy")


# -- D4: symlinks and hard links are written through --------------------------


def test_d4_a_symlink_stays_a_link_and_its_target_is_fixed(tmp_path: Path) -> None:
    real = write(tmp_path, "real/t.py", FIX)
    link = tmp_path / "link.py"
    link.symlink_to("real/t.py")
    result = run("--no-cache", "--fix", "link.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == "real/t.py"
    assert real.read_text() == FIXED
    assert _leftovers(tmp_path) == []


def test_d4_a_symlink_found_by_a_directory_walk_stays_a_link(tmp_path: Path) -> None:
    real = write(tmp_path, "elsewhere/t.py", FIX)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "t.py").symlink_to(real)
    run("--no-cache", "--fix", "src", cwd=tmp_path)
    assert (tmp_path / "src" / "t.py").is_symlink() and real.read_text() == FIXED


def test_d4_hard_links_all_see_the_fix(tmp_path: Path) -> None:
    first = write(tmp_path, "a.py", FIX)
    second = tmp_path / "b.py"
    os.link(first, second)
    inode = first.stat().st_ino
    result = run("--no-cache", "--fix", "a.py", cwd=tmp_path)
    assert "Found 1 error (1 fixed, 0 remaining).\n" in result.stdout
    assert first.stat().st_ino == inode == second.stat().st_ino and first.stat().st_nlink == 2
    assert first.read_text() == second.read_text() == FIXED
    assert _leftovers(tmp_path) == []


# -- Running as another user ----------------------------------------------------

# As root, a run as `nobody`: everything is imported while root can read
# the interpreter's files, then the privileges are dropped.
AS_NOBODY = """
import contextlib, io, os, sys
from keraslint.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    main(["--no-cache", "--exit-zero", "--diff", "-"])
import keraslint.fixes, keraslint.sources.python, tempfile
# The analysis is imported lazily (stdin above held no Keras code): import
# every module now, wherever the checkout lies (a CI clone may be private).
import importlib, pkgutil, keraslint
for module in pkgutil.walk_packages(keraslint.__path__, "keraslint."):
    if module.name not in ("keraslint.server", "keraslint.__main__"):  # __main__ would run keraslint
        importlib.import_module(module.name)
# LibCST loads its native parser at the first parse: parse once now.
from keraslint.checker import lint_text
lint_text("warm.py", "import keras\\nm = keras.Sequential([keras.layers.Dense(1, activation='softmax')])\\n")
os.setgroups([])
os.setgid(65534)
os.setuid(65534)
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder `nobody` can enter (tmp_path's parents are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="keraslint-fix-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _as_nobody(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if os.geteuid() != 0:
        pytest.skip("needs root, to run as `nobody`")
    result = subprocess.run(
        [sys.executable, "-c", AS_NOBODY, *args], cwd=folder, capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    if "Operation not permitted" in result.stderr:
        pytest.skip("this root may not change its user id")
    return result


# -- D5: the owner, group and mode are kept -------------------------------------


def test_d5_root_fixing_another_users_file_keeps_its_owner_group_and_mode(shared_folder: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root")
    path = write(shared_folder, "a.py", FIX)
    os.chown(path, 65534, 65534)
    path.chmod(0o600)
    result = run("--no-cache", "--fix", "a.py", cwd=shared_folder)
    assert "Found 1 error (1 fixed, 0 remaining).\n" in result.stdout
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o600)
    assert path.read_text() == FIXED
    # Its owner can still read it.
    read = subprocess.run(
        [sys.executable, "-c", "import os; os.setgroups([]); os.setgid(65534); os.setuid(65534); print(open('a.py').read(), end='')"],
        cwd=shared_folder, capture_output=True, text=True,
    )  # fmt: skip
    assert read.stdout == FIXED, read.stderr


def test_d5_the_mode_is_kept_with_its_set_id_bits(tmp_path: Path) -> None:
    path = write(tmp_path, "a.py", FIX)
    path.chmod(0o2750)
    run("--no-cache", "--fix", "a.py", cwd=tmp_path)
    assert path.read_text() == FIXED and stat.S_IMODE(path.stat().st_mode) == 0o2750


# -- D6: nothing outside the fix is lost -----------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b'\fimport keras\nm.compile(loss="binary_crossentrop")\n',
        b'import keras\rm.compile(loss="binary_crossentrop")\r',
        b'import keras\n\fm.compile(loss="binary_crossentrop")\n\r',
        b'\f\fimport keras\r\nm.compile(loss="binary_crossentrop")  # \xc3\xa9\r\n\r',
        # LibCST drops these blank lines, and this continuation line (the
        # literal is on line 3, LibCST says line 2).
        b'import keras\nm.compile(loss="binary_crossentrop")\n    \t\n    ',
        b'import keras\n\\\nm.compile(loss="binary_crossentrop")\n',
    ],
)
def test_d6_form_feeds_and_lone_carriage_returns_are_kept(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "ff.py", data)
    result = run("--no-cache", "--fix", "ff.py", cwd=tmp_path)
    assert "Found 1 error (1 fixed, 0 remaining).\n" in result.stdout, result.stdout + result.stderr
    assert path.read_bytes() == data.replace(b"binary_crossentrop", b"binary_crossentropy")


def test_d6_fix_stdin_keeps_them_too(tmp_path: Path) -> None:
    data = b'\fimport keras\rm.compile(loss="binary_crossentrop")\r'
    completed = _fix_stdin_bytes(tmp_path, data)
    assert completed.stdout == data.replace(b"binary_crossentrop", b"binary_crossentropy")


def test_d6_a_literal_that_is_not_where_libcst_says_is_not_touched() -> None:
    # A fix must land on the string literal LibCST saw: a span that holds
    # something else refuses the fix rather than guess.
    text = 'import keras\nm.compile(loss="binary_crossentrop")\n'
    result = check_bytes("a.py", text.encode(), Settings())
    (fix,) = fixes.wanted_fixes(result.diagnostics, unsafe=False)
    moved = text.replace("m.compile(loss=", "m.compile(loss= ")  # the span is now one column off
    with pytest.raises(fixes.NotFixed):
        fixes.fix_python(moved.encode(), moved, [fix])


# -- W2: a file the user may not write is not rewritten -------------------------


def test_w2_a_read_only_file_is_not_rewritten(shared_folder: Path) -> None:
    path = write(shared_folder, "b.py", FIX)
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)
        shared_folder.chmod(0o777)  # the folder is writable: only the file's mode says no
        path.chmod(0o444)
        result = _as_nobody(shared_folder, "--no-cache", "--fix", "b.py")
    else:
        path.chmod(0o444)
        result = run("--no-cache", "--fix", "b.py", cwd=shared_folder)
    assert path.read_text() == FIX
    assert result.stderr == "keraslint: b.py: fixes not applied: Permission denied\n", result.stderr
    assert " KL301 " in result.stdout and result.returncode == 1
    assert _leftovers(shared_folder) == []


def test_w2_root_still_fixes_a_read_only_file_and_keeps_it_read_only(tmp_path: Path) -> None:
    # As ruff does: root may write any file; the mode is kept.
    if os.geteuid() != 0:
        pytest.skip("needs root")
    path = write(tmp_path, "b.py", FIX)
    path.chmod(0o444)
    run("--no-cache", "--fix", "b.py", cwd=tmp_path)
    assert path.read_text() == FIXED and stat.S_IMODE(path.stat().st_mode) == 0o444


# -- C5: a file that cannot be written does not stop the others ------------------


def test_c5_a_file_that_vanished_is_said_and_the_others_are_fixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = write(tmp_path, "aaa.py", FIX)
    others = [write(tmp_path, f"f{i}.py", FIX) for i in range(3)]
    results = check_paths([str(gone), *map(str, others)], Settings())
    gone.unlink()
    refreshed, fixed = cli._fix_files(results, _args(), Settings())
    err = capsys.readouterr().err
    assert f"keraslint: {gone}: fixes not applied: No such file or directory\n" in err
    assert sorted(fixed) == sorted(map(str, others))
    assert all(p.read_text() == FIXED for p in others)
    # Its findings remain, and so the exit status says so (as ruff's E902).
    assert [r.path for r in refreshed if r.diagnostics] == [str(gone)]


def test_c5_vanished_file_through_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gone = write(tmp_path, "aaa.py", FIX)
    other = write(tmp_path, "bbb.py", FIX)
    real_check_paths = cli.check_paths
    calls = []

    def check_then_delete(*args: object, **kwargs: object) -> object:
        found = real_check_paths(*args, **kwargs)  # type: ignore[arg-type]
        if not calls:
            gone.unlink()
        calls.append(args)
        return found

    monkeypatch.setattr(cli, "check_paths", check_then_delete)
    monkeypatch.chdir(tmp_path)
    status = cli.main(["--no-cache", "--fix", "aaa.py", "bbb.py"])
    assert status == cli.EXIT_FINDINGS
    assert other.read_text() == FIXED


def test_c5_a_writable_file_in_a_read_only_folder_is_fixed_in_place(shared_folder: Path) -> None:
    # ruff fixes it (it writes in place); so does keraslint, without a
    # temporary file it could not create.
    folder = shared_folder / "ro"
    folder.mkdir()
    path = write(folder, "a.py", FIX)
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)
        folder.chmod(0o755)  # root's: `nobody` may not create files there
        result = _as_nobody(folder, "--no-cache", "--fix", "a.py")
    else:
        folder.chmod(0o555)
        result = run("--no-cache", "--fix", "a.py", cwd=folder)
    folder.chmod(0o755)
    assert "Traceback" not in result.stderr
    assert result.stderr == "", result.stderr
    assert result.stdout == "Found 1 error (1 fixed, 0 remaining).\n"
    assert path.read_text() == FIXED and result.returncode == 0


def test_c5_notebook_that_vanished_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cell = {"cell_type": "code", "metadata": {}, "source": FIX, "execution_count": None, "outputs": []}
    notebook = json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)
    gone = write(tmp_path, "n.ipynb", notebook)
    results = check_paths([str(gone)], Settings())
    gone.unlink()
    cli._fix_files(results, _args(), Settings())
    assert f"keraslint: {gone}: fixes not applied: No such file or directory\n" in capsys.readouterr().err


# -- Also seen: the temporary file is synced, and never left behind -----------------


def test_the_temporary_file_is_synced_before_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "m.py", FIX)
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b))[1])
    results = check_paths([str(path)], Settings())
    cli._fix_files(results, _args(), Settings())
    assert path.read_text() == FIXED
    assert "replace" in events and "fsync" in events[: events.index("replace")]


def test_no_temporary_file_is_left_when_the_write_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "m.py", FIX)
    results = check_paths([str(path)], Settings())

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cli._fix_files(results, _args(), Settings())
    assert path.read_text() == FIX and _leftovers(tmp_path) == []


def test_diff_keeps_a_line_with_a_form_feed_whole(tmp_path: Path) -> None:
    write(tmp_path, "f.py", 'import keras\nx = 1  \f# page two\nm.compile(loss="binary_crossentrop")\n')
    result = run("--no-cache", "--diff", "f.py", cwd=tmp_path)
    assert " x = 1  \f# page two\n" in result.stdout
    assert '-m.compile(loss="binary_crossentrop")\n+m.compile(loss="binary_crossentropy")\n' in result.stdout
