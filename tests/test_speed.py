"""Parallel checking, the cache, and work not done: behaviour only (the
figures live in benchmarks/bench.py and docs/performance.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import BUGGY, CLEAN, TYPO, run, write

ROOT = Path(__file__).resolve().parent.parent


def test_parallel_output_is_identical_to_serial_in_the_same_order(tmp_path: Path) -> None:
    serial = run("fixtures", "--jobs", "1", "--no-cache", cwd=ROOT)
    parallel = run("fixtures", "--jobs", "2", "--no-cache", cwd=ROOT)
    assert serial.stdout and serial.stdout == parallel.stdout
    assert serial.returncode == parallel.returncode == 1
    json_serial = run("fixtures", "-j", "1", "--no-cache", "--output-format", "json", cwd=ROOT)
    json_parallel = run("fixtures", "-j", "3", "--no-cache", "--output-format", "json", cwd=ROOT)
    assert json.loads(json_serial.stdout) == json.loads(json_parallel.stdout)


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*.json"))


def test_cache_is_read_back_and_keyed_by_content_and_rules(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    write(tmp_path, "m.py", BUGGY)
    first = run("m.py", "--cache-dir", str(cache), cwd=tmp_path)
    (entry,) = _entries(cache)
    # Prove the second run reads the entry: plant a finding in it.
    planted = json.loads(entry.read_text())
    planted["diagnostics"][0]["message"] = "from the cache"
    entry.write_text(json.dumps(planted))
    second = run("m.py", "--cache-dir", str(cache), cwd=tmp_path)
    assert "KL101 [*] from the cache" in second.stdout
    assert "from the cache" not in run("m.py", "--no-cache", cwd=tmp_path).stdout
    # Other rules selected: another key.
    run("m.py", "--cache-dir", str(cache), "--select", "KL1", cwd=tmp_path)
    assert len(_entries(cache)) == 2
    # Changed content: another key, the right answer.
    write(tmp_path, "m.py", CLEAN)
    assert run("m.py", "--cache-dir", str(cache), cwd=tmp_path).stdout == "All checks passed!\n"
    assert len(_entries(cache)) == 3
    assert first.stdout.split(" KL101 ")[0] == second.stdout.split(" KL101 ")[0]


def test_broken_cache_entries_are_misses(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    write(tmp_path, "m.py", BUGGY)
    expected = run("m.py", "--cache-dir", str(cache), cwd=tmp_path).stdout
    for entry in _entries(cache):
        entry.write_text("{half a json")
    assert run("m.py", "--cache-dir", str(cache), cwd=tmp_path).stdout == expected


def test_cache_directory_from_the_environment_and_read_only_projects(tmp_path: Path) -> None:
    write(tmp_path, "m.py", BUGGY)
    environment = {"KERASLINT_CACHE_DIR": str(tmp_path / "env-cache")}
    completed = subprocess.run(
        [sys.executable, "-m", "keraslint", "m.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, **environment},
        check=False,
    )
    assert " KL101 " in completed.stdout and _entries(tmp_path / "env-cache")
    blocked = write(tmp_path, "blocked", "a file where the cache directory should be")
    result = run("m.py", "--cache-dir", str(blocked / "cache"), cwd=tmp_path)
    assert " KL101 " in result.stdout and result.stderr == ""


def test_two_runs_sharing_a_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for number in range(40):
        write(tmp_path, f"src/m{number}.py", (BUGGY, CLEAN, TYPO)[number % 3])
    command = [sys.executable, "-m", "keraslint", "src", "--cache-dir", str(cache), "-j", "2"]
    runs = [
        subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outputs = [process.communicate() for process in runs]
    reference = run("src", "--no-cache", cwd=tmp_path).stdout
    assert all(out == reference and err == "" for out, err in outputs)
    assert run("src", "--cache-dir", str(cache), cwd=tmp_path).stdout == reference


def test_libcst_is_not_imported_when_no_file_mentions_keras(tmp_path: Path) -> None:
    write(tmp_path, "plain.py", "import json\nprint(json.dumps({'a': 1}))\n")
    write(tmp_path, "model.py", BUGGY)
    probe = (
        "import sys\nfrom keraslint.cli import main\ncode = main(sys.argv[1:])\nprint('libcst' in sys.modules, code)\n"
    )

    def imported(*args: str) -> str:
        return subprocess.run(
            [sys.executable, "-c", probe, *args], cwd=tmp_path, capture_output=True, text=True, check=True
        ).stdout.splitlines()[-1]

    assert imported("plain.py", "--no-cache") == "False 0"
    assert imported("model.py", "--no-cache").startswith("True 1")


ANALYSIS_THREAD = "keraslint-analysis"


def test_one_analysis_thread_serves_every_file_and_limits_are_restored() -> None:
    import threading

    from keraslint.checker import lint_text

    limit = sys.getrecursionlimit()
    deep = "from tensorflow import keras\nx = " + "(" * 150 + "1" + ")" * 150 + "\n"
    found = [lint_text(f"m{n}.py", (BUGGY, CLEAN, deep)[n % 3]) for n in range(9)]
    assert [len(result.diagnostics) for result in found[:3]] == [1, 0, 0]
    threads = [thread for thread in threading.enumerate() if thread.name == ANALYSIS_THREAD]
    assert len(threads) == 1 and threads[0].daemon
    assert sys.getrecursionlimit() == limit


FORK_PROBE = """
import multiprocessing, sys
from keraslint.checker import lint_text

def codes(text):
    return [d.code for d in lint_text("m.py", text).diagnostics]

if __name__ == "__main__":
    text = sys.stdin.read()
    assert codes(text)  # the parent's analysis thread now exists
    with multiprocessing.get_context("fork").Pool(1) as pool:
        print(pool.apply_async(codes, (text,)).get(timeout=60))
"""


def test_a_forked_worker_starts_its_own_analysis_thread(tmp_path: Path) -> None:
    # A --jobs worker forked from a process that already linted has no copy
    # of that process's thread: waiting on it would hang forever. (In a
    # fresh interpreter: this test process may hold other libraries' threads.)
    probe = write(tmp_path, "probe.py", FORK_PROBE)
    completed = subprocess.run(
        [sys.executable, str(probe)], input=BUGGY, capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.stdout.strip() == "['KL101']", completed.stderr


def test_parallel_workers_send_findings_and_noqa_verdicts_back(tmp_path: Path) -> None:
    # Workers send nothing back for a file without findings; a file whose
    # only finding is an unused noqa (KL003, opt-in) still reports it.
    for number in range(20):
        write(tmp_path, f"src/m{number:02}.py", CLEAN)
    write(tmp_path, "src/m05.py", CLEAN.replace("\n", "  # noqa: KL101\n", 1))
    write(tmp_path, "src/m17.py", BUGGY)
    serial = run("src", "-j", "1", "--no-cache", "--extend-select", "KL003", "--output-format", "full", cwd=tmp_path)
    parallel = run("src", "-j", "2", "--no-cache", "--extend-select", "KL003", "--output-format", "full", cwd=tmp_path)
    assert parallel.stdout == serial.stdout
    assert "src/m05.py:1:" in serial.stdout and "KL003" in serial.stdout and "src/m17.py:" in serial.stdout
