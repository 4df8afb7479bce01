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

It prints the median of ``--repeat`` runs of each, the ratios lint/floor and
cli/floor, the slowest file, the peak memory (RSS) of each process, and where
the lint's time goes (read and decode, Python's syntax check, LibCST's parse,
extraction, rules). Figures only: nothing here asserts a time.
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
        started = time.perf_counter()
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
        return {"seconds": time.perf_counter() - started, "parsed": parsed, "slowest": [slowest, slowest_file]}

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
    started = time.perf_counter()
    for path in files:
        one = time.perf_counter()
        findings += len(checker.lint_path(path).diagnostics)
        took = time.perf_counter() - one
        if took > slowest:
            slowest, slowest_file = took, path
    return {
        "seconds": time.perf_counter() - started,
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


def _cli(paths: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "keraslint", "--jobs", "1", "--no-cache", "--exit-zero", *paths],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


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

    floor = statistics.median(r["seconds"] for r in floors)
    lint = statistics.median(r["seconds"] for r in lints)
    cli = statistics.median(clis)
    slowest = max((r["slowest"] for r in lints), key=lambda s: s[0])
    print(f"{len(files)} files, {floors[0]['parsed']} parsed (they mention keras); median of {args.repeat}")
    print(f"floor (read + LibCST parse, 1 process)  {floor:7.2f} s   {max(r['rss_mb'] for r in floors):5.0f} MB")
    print(f"lint  (lint_path, 1 process)            {lint:7.2f} s   {max(r['rss_mb'] for r in lints):5.0f} MB")
    print(f"cli   (keraslint --jobs 1 --no-cache)   {cli:7.2f} s")
    print(f"lint / floor = {lint / floor:.2f}x    cli / floor = {cli / floor:.2f}x")
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
