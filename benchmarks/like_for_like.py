"""keraslint against a LibCST parse of the same files, one process each.

    python benchmarks/like_for_like.py PATH [PATH ...] [--repeat 3]

For real Keras code, where almost every file must be parsed, the floor of
any LibCST-based linter is LibCST's own parse. This script times, each in
a fresh single process (never two against one):

- ``floor``: read every file keraslint would read, decode it as keraslint
  does (notebooks: their code cells, magics blanked, with keraslint's own
  reader), and ``libcst.parse_module`` the text of each file that mentions
  ``keras`` -- what keraslint must parse;
- ``lint``: ``keraslint.checker.lint_path`` on every file, the work of
  ``keraslint --jobs 1 --no-cache`` without the start-up;
- ``cli``: ``keraslint --jobs 1 --no-cache PATH...`` as a subprocess, start-up
  and output included.

It prints the median and the fastest of ``--repeat`` runs of each, in wall
seconds and in CPU seconds (the process's own, all threads: on a host whose
cores other work shares, CPU time moves far less than wall time), the ratios
lint/floor and cli/floor, the slowest file, the peak memory (RSS) of each
process, and where the lint's time goes (read and decode, Python's syntax
check, LibCST's parse, extraction, rules). Figures only: nothing here
asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve()


def _files(paths: list[str]) -> list[str]:
    from keraslint.discovery import discover

    return sorted(discover(paths))


def _on_large_stack(work):  # LibCST's parser recurses on the C stack, as keraslint's thread allows
    threading.stack_size(256 * 1024 * 1024)
    box: dict[str, object] = {}
    thread = threading.Thread(target=lambda: box.update(result=work()))
    thread.start()
    thread.join()
    return box["result"]


def _measure_floor(files: list[str]) -> dict[str, object]:
    import libcst as cst

    from keraslint.checker import read_data
    from keraslint.sources import read_bytes

    def run() -> dict[str, object]:
        slowest, slowest_file, parsed = 0.0, "", 0
        started, cpu = time.perf_counter(), time.process_time()
        for path in files:
            one = time.perf_counter()
            try:
                source = read_data(path, read_bytes(path))
            except Exception:
                continue
            if source is None or "keras" not in source.text:
                continue
            try:
                cst.parse_module(source.text)
                parsed += 1
            except Exception:
                pass
            took = time.perf_counter() - one
            if took > slowest:
                slowest, slowest_file = took, path
        return {
            "seconds": time.perf_counter() - started,
            "cpu": time.process_time() - cpu,
            "parsed": parsed,
            "slowest": [slowest, slowest_file],
        }

    return _on_large_stack(run)


def _measure_lint(files: list[str]) -> dict[str, object]:
    from keraslint import checker

    phases = {"read": 0.0, "syntax": 0.0, "parse": 0.0, "extract": 0.0, "rules": 0.0}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                phases[name] += time.perf_counter() - started

        return wrapper

    import libcst as cst

    import keraslint.model.extract as extract_module

    if os.environ.get("LIKE_FOR_LIKE_PHASES"):
        checker.read_data = timed("read", checker.read_data)
        checker._python_syntax_error = timed("syntax", checker._python_syntax_error)
        cst.parse_module = timed("parse", cst.parse_module)
        extract_module.extract = timed("extract", extract_module.extract)
        checker._check_model = timed("rules", checker._check_model)

    slowest, slowest_file, findings = 0.0, "", 0
    started, cpu = time.perf_counter(), time.process_time()
    for path in files:
        one = time.perf_counter()
        findings += len(checker.lint_path(path).diagnostics)
        took = time.perf_counter() - one
        if took > slowest:
            slowest, slowest_file = took, path
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "findings": findings,
        "slowest": [slowest, slowest_file],
        "phases": phases,
    }


def _measure(mode: str, files: list[str]) -> None:
    result = _measure_floor(files) if mode == "floor" else _measure_lint(files)
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _child(mode: str, listing: str, phases: bool = False) -> dict[str, object]:
    env = dict(os.environ, LIKE_FOR_LIKE_PHASES="1" if phases else "")
    output = subprocess.run(
        [sys.executable, str(HERE), "--_measure", mode, "--_listing", listing],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    return json.loads(output)


def _cli(paths: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``keraslint --jobs 1`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "keraslint", "--jobs", "1", "--no-cache", "--exit-zero", *paths],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--_measure", choices=("floor", "lint"), help=argparse.SUPPRESS)
    parser.add_argument("--_listing", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args._measure:
        _measure(args._measure, Path(args._listing).read_text(encoding="utf-8").splitlines())
        return 0
    if not args.paths:
        parser.error("give at least one folder of Keras code")

    files = _files(args.paths)
    listing = Path(os.environ.get("TMPDIR", "/tmp")) / f"keraslint-like-for-like-{os.getpid()}.txt"
    listing.write_text("\n".join(files), encoding="utf-8")
    try:
        floors, lints, clis = [], [], []
        for _ in range(args.repeat):  # interleaved, so a slow spell of the host hits both
            floors.append(_child("floor", str(listing)))
            lints.append(_child("lint", str(listing)))
            clis.append(_cli(args.paths))
        phases = _child("lint", str(listing), phases=True)
    finally:
        listing.unlink()

    slowest = max((r["slowest"] for r in lints), key=lambda s: s[0])
    # Each row's runs: (wall seconds, CPU seconds).
    runs = {
        "floor (read + LibCST parse, 1 process)": [(r["seconds"], r["cpu"]) for r in floors],
        "lint  (lint_path, 1 process)": [(r["seconds"], r["cpu"]) for r in lints],
        "cli   (keraslint --jobs 1 --no-cache)": clis,
    }
    peaks = [f"{max(r['rss_mb'] for r in floors):5.0f} MB", f"{max(r['rss_mb'] for r in lints):5.0f} MB", ""]
    figures = {  # measure -> (floor, lint, cli)
        "median wall": [statistics.median(wall for wall, _ in row) for row in runs.values()],
        "fastest wall": [min(wall for wall, _ in row) for row in runs.values()],
        "fastest CPU": [min(cpu for _, cpu in row) for row in runs.values()],
    }
    print(f"{len(files)} files, {floors[0]['parsed']} parsed (they mention keras); {args.repeat} runs each")
    print(f"{'':40}{'median wall':>13}{'fastest wall':>14}{'fastest CPU':>13}{'peak RSS':>10}")
    for position, (label, peak) in enumerate(zip(runs, peaks)):
        cells = "".join(f"{values[position]:11.2f} s" for values in figures.values())
        print(f"{label:40}{cells}{peak:>10}")
    for measure, (floor, lint, cli) in figures.items():
        print(f"{measure:13} lint / floor = {lint / floor:.2f}x    cli / floor = {cli / floor:.2f}x")
    print(f"slowest file: {slowest[0]:.2f} s  {slowest[1]}")
    print("where the lint's time goes (one instrumented run):")
    total = phases["seconds"]
    for name, seconds in phases["phases"].items():
        print(f"  {name:8} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")
    rest = total - sum(phases["phases"].values())
    print(f"  {'other':8} {rest:7.2f} s  {100 * rest / total:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
