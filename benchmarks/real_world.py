"""Rerun keraslint over folders of real public Keras code and print the table
of findings that ``docs/real-world.md`` records.

    python benchmarks/real_world.py PATH [PATH ...] [--verdicts docs/real-world.md]

Each PATH is a checkout (or any folder) of Python files and notebooks. With
``--verdicts``, each finding is matched against the verdict recorded in that
markdown table (by file suffix, code and line), so a new finding or one that
disappeared shows at once. Nothing is fetched: the sources are given.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from keraslint.checker import lint_path
from keraslint.discovery import discover

ROW = re.compile(
    r"^\|\s*`(?P<file>[^`]+)`\s*\|\s*(?P<where>[^|]+?)\s*\|\s*(?P<code>KL\d{3})\s*\|\s*(?P<verdict>[^|]+?)\s*\|"
)


def load_verdicts(path: Path) -> dict[tuple[str, str, str], str]:
    verdicts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            verdicts[(match["file"], match["where"], match["code"])] = match["verdict"]
    return verdicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--verdicts", type=Path, help="markdown file with the recorded verdicts")
    args = parser.parse_args(argv)
    verdicts = load_verdicts(args.verdicts) if args.verdicts else {}

    rows: list[tuple[str, str, str, str, str]] = []
    counts = {"py": 0, "ipynb": 0}
    started = time.perf_counter()
    for root in args.paths:
        for path in discover([root]):
            counts["ipynb" if path.endswith(".ipynb") else "py"] += 1
            result = lint_path(path)
            for diagnostic in result.diagnostics:
                shown = str(Path(path).relative_to(root)) if Path(path).is_relative_to(root) else path
                where = result.source.display(diagnostic.span.start).rsplit(":", 1)[0] if result.source else "1"
                recorded = (v for (f, w, c), v in verdicts.items() if (f, w, c) == (shown, where, diagnostic.code))
                verdict = next(recorded, "NEW: not judged yet")
                rows.append((shown, where, diagnostic.code, verdict, diagnostic.message))
    elapsed = time.perf_counter() - started

    print(f"{counts['py']} Python files and {counts['ipynb']} notebooks checked in {elapsed:.1f} s")
    print()
    print("| file | line | code | verdict | message |")
    print("|---|---|---|---|---|")
    for shown, where, code, verdict, message in sorted(rows):
        print(f"| `{shown}` | {where} | {code} | {verdict} | {message} |")
    unjudged = sum(1 for row in rows if row[3].startswith("NEW"))
    if verdicts:
        print(f"\n{unjudged} finding(s) without a recorded verdict", file=sys.stderr)
    return 1 if verdicts and unjudged else 0


if __name__ == "__main__":
    raise SystemExit(main())
