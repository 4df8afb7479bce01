"""Recall benchmark: keraslint against small programs rewritten from real bug reports.

Every case in ``benchmarks/recall/cases/`` is a fresh rewrite of a Stack Overflow question,
GitHub issue or blog post (cited in its header), keeping the way the reporter computed the
decisive values.  Its header says what keraslint should report::

    # source: <URL>
    # mistake: <one line>          ("none - ..." for a correct program)
    # shape: <category>; <detail>  (how the decisive value is computed; misses are grouped
                                    by the category, the text before the first ";")
    # expect: KL101 line 12        (one line per expected finding; "line 12/14" accepts either)
    # expect: none                 (a correct program: any finding is a false positive)

A notebook case (``.ipynb``) carries the same header in the comment lines that open its first
code cell, and places each expectation the way keraslint reports notebook findings: by cell,
every cell of the notebook counted from 1, and line within that cell::

    # expect: KL101 cell 4 line 2

A case may also be a directory holding a small project (model and training split across
files): an empty ``pyproject.toml`` (its root), the modules it imports, and ``main.py``, the
file linted, which carries the header; the case is named after the directory.

The script runs ``python -m keraslint --no-cache --isolated --output-format json`` on each case
and matches findings to expectations by (code, line).  A finding with an expected code on an
expected line is a true positive; any other finding is a false positive (KL3xx included).
It prints one row per case, then recall = TP / expected findings, precision = TP / findings,
and the misses grouped by shape.

Usage::

    python benchmarks/recall.py            # table and totals
    python benchmarks/recall.py --json     # machine-readable
    python benchmarks/recall.py --case NAME [--case NAME ...]

Exit status: 0 always (it is a measurement), 2 when a case file is malformed.
No network is needed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "recall" / "cases"
# The file a case directory's project is linted through.
MAIN = "main.py"
HEADER_KEYS = ("source", "mistake", "shape", "expect")
EXPECT_RE = re.compile(r"^(KL\d{3}) (?:cell (\d+) )?line (\d+(?:/\d+)*)$")
HEADER_RE = re.compile(r"^#\s*(source|mistake|shape|expect):\s*(.*?)\s*$")


class MalformedCase(Exception):
    pass


@dataclass
class Expectation:
    code: str
    lines: tuple[int, ...]
    cell: int | None = None  # notebooks: the cell as keraslint numbers it (all cells, from 1)

    def label(self) -> str:
        return f"{self.code}@{_where(self.cell, '/'.join(map(str, self.lines)))}"


def _where(cell: int | None, line: object) -> str:
    return f"cell {cell}:{line}" if cell is not None else str(line)


@dataclass
class Case:
    name: str
    path: Path
    source: str
    mistake: str
    shape: str
    expects: list[Expectation] = field(default_factory=list)

    @property
    def negative(self) -> bool:
        return not self.expects


def _notebook_cells(path: Path) -> dict[int, list[str]]:
    """The code cells of a notebook, keyed by their number among all its cells (from 1)."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cells = nb["cells"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise MalformedCase(f"{path.name}: not a notebook ({exc})") from None
    code: dict[int, list[str]] = {}
    for number, cell in enumerate(cells, start=1):
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            code[number] = ("".join(source) if isinstance(source, list) else source).splitlines()
    if not code:
        raise MalformedCase(f"{path.name}: notebook without a code cell")
    return code


def parse_case(path: Path) -> Case:
    """Read the header comment block of a case file; raise MalformedCase when it is incomplete.

    A script's header opens the file; a notebook's opens its first code cell."""
    cells = _notebook_cells(path) if path.suffix == ".ipynb" else None
    text = path.read_text(encoding="utf-8")
    header = cells[min(cells)] if cells is not None else text.splitlines()
    values: dict[str, list[str]] = {k: [] for k in HEADER_KEYS}
    for line in header:
        if not line.startswith("#"):
            break
        m = HEADER_RE.match(line)
        if m:
            values[m.group(1)].append(m.group(2))
    name = _case_name(path)
    for key in ("source", "mistake", "shape", "expect"):
        if not values[key] or not all(values[key]):
            raise MalformedCase(f"{path.name}: missing or empty `# {key}:` header line")
    for key in ("source", "mistake", "shape"):
        if len(values[key]) != 1:
            raise MalformedCase(f"{path.name}: more than one `# {key}:` line")
    source = values["source"][0]
    if not re.match(r"^https?://\S+$", source):
        raise MalformedCase(f"{path.name}: source is not a URL: {source!r}")
    expects: list[Expectation] = []
    raw = values["expect"]
    if raw == ["none"]:
        pass
    elif "none" in raw:
        raise MalformedCase(f"{path.name}: `expect: none` mixed with other expectations")
    else:
        for item in raw:
            m = EXPECT_RE.match(item)
            if not m:
                raise MalformedCase(f"{path.name}: cannot read `expect: {item}` (want `KL101 line 12`)")
            cell = int(m.group(2)) if m.group(2) else None
            if (cell is None) != (cells is None):
                want = "`KL101 cell 3 line 2` in a notebook" if cells is not None else "no cell in a script"
                raise MalformedCase(f"{path.name}: `expect: {item}`: {want}")
            if cells is not None and cell not in cells:
                raise MalformedCase(f"{path.name}: `expect: {item}`: cell {cell} is not a code cell")
            n_lines = len(cells[cell]) if cells is not None else len(text.splitlines())
            lines = tuple(int(x) for x in m.group(3).split("/"))
            if any(not 1 <= n <= n_lines for n in lines):
                raise MalformedCase(f"{path.name}: expected line out of range in `{item}`")
            expects.append(Expectation(m.group(1), lines, cell))
    return Case(name, path, source, values["mistake"][0], values["shape"][0], expects)


def case_paths() -> list[Path]:
    """Each case's linted file: a ``.py`` or ``.ipynb`` case, or a case directory's ``main.py``."""
    found = [p for p in CASES_DIR.iterdir() if p.suffix in (".py", ".ipynb")]
    found += [p / MAIN for p in CASES_DIR.iterdir() if p.is_dir() and (p / MAIN).is_file()]
    return sorted(found, key=_case_name)


def _case_name(path: Path) -> str:
    return path.parent.name if path.name == MAIN and path.parent != CASES_DIR else path.stem


def load_cases(names: list[str] | None = None) -> list[Case]:
    paths = case_paths()
    if names:
        wanted = {n.removesuffix(".py").removesuffix(".ipynb") for n in names}
        unknown = wanted - {_case_name(p) for p in paths}
        if unknown:
            raise MalformedCase(f"no such case: {', '.join(sorted(unknown))}")
        paths = [p for p in paths if _case_name(p) in wanted]
    return [parse_case(p) for p in paths]


def run_keraslint(path: Path) -> tuple[list[dict], str]:
    """Findings for one file, and an error text when keraslint itself failed."""
    env = dict(os.environ)
    env.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    proc = subprocess.run(
        [sys.executable, "-m", "keraslint", "--no-cache", "--isolated", "--output-format", "json", path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    try:
        findings = json.loads(proc.stdout or "[]")
    except json.JSONDecodeError:
        return [], f"exit {proc.returncode}: {(proc.stderr or proc.stdout).strip()[-300:]}"
    error = "" if isinstance(findings, list) else "unexpected JSON"
    return (findings if isinstance(findings, list) else []), error


def score_case(case: Case) -> dict:
    findings, error = run_keraslint(case.path)
    # keraslint reports a notebook finding by its cell and the row within that cell.
    found = [(f.get("code"), f.get("cell"), (f.get("location") or {}).get("row")) for f in findings]
    # A finding folded into another (the same mistake seen by two rules,
    # keraslint.folding) is still reported, as a related entry with its code
    # and place: it counts as it did before it was folded.
    found += [
        (r.get("code"), r.get("cell"), (r.get("location") or {}).get("row"))
        for f in findings
        for r in f.get("related") or ()
        if r.get("code")
    ]
    matched: set[int] = set()
    tp: list[str] = []
    missed: list[str] = []
    for exp in case.expects:
        hit = next(
            (
                i
                for i, (code, cell, row) in enumerate(found)
                if i not in matched and code == exp.code and cell == exp.cell and row in exp.lines
            ),
            None,
        )
        if hit is None:
            missed.append(exp.label())
        else:
            matched.add(hit)
            tp.append(exp.label())
    fp = [f"{code}@{_where(cell, row)}" for i, (code, cell, row) in enumerate(found) if i not in matched]
    if case.negative:
        verdict = "ok" if not fp else "FALSE ALARM"
    elif not missed and not fp:
        verdict = "ok"
    elif not tp:
        verdict = "MISS"
    else:
        verdict = "partial"
    if fp and case.expects and verdict != "MISS":
        verdict += "+fp"
    if error:
        verdict = "ERROR"
    return {
        "case": case.name,
        "source": case.source,
        "shape": case.shape,
        "negative": case.negative,
        "expected": [e.label() for e in case.expects],
        "found": [f"{c}@{_where(cell, r)}" for c, cell, r in found],
        "true_positives": tp,
        "missed": missed,
        "false_positives": fp,
        "verdict": verdict,
        "error": error,
    }


def shape_category(shape: str) -> str:
    return shape.split(";", 1)[0].strip()


def summarise(rows: list[dict]) -> dict:
    expected = sum(len(r["expected"]) for r in rows)
    tp = sum(len(r["true_positives"]) for r in rows)
    fp = sum(len(r["false_positives"]) for r in rows)
    findings = tp + fp
    misses_by_shape: dict[str, list[str]] = {}
    for r in rows:
        for m in r["missed"]:
            misses_by_shape.setdefault(shape_category(r["shape"]), []).append(f"{r['case']} ({m})")
    return {
        "cases": len(rows),
        "positive_cases": sum(1 for r in rows if not r["negative"]),
        "negative_cases": sum(1 for r in rows if r["negative"]),
        "expected_findings": expected,
        "true_positives": tp,
        "false_positives": fp,
        "findings": findings,
        "recall": (tp / expected) if expected else None,
        "precision": (tp / findings) if findings else None,
        "negative_cases_silent": sum(1 for r in rows if r["negative"] and not r["false_positives"]),
        "errors": [r["case"] for r in rows if r["error"]],
        "misses_by_shape": dict(sorted(misses_by_shape.items(), key=lambda kv: (-len(kv[1]), kv[0]))),
        "false_positive_list": [f"{r['case']}: {fp_}" for r in rows for fp_ in r["false_positives"]],
    }


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def print_report(rows: list[dict], summary: dict) -> None:
    w = max([len(r["case"]) for r in rows] + [4])
    print(f"{'case':<{w}}  {'expected':<22}  {'found':<28}  verdict")
    print("-" * (w + 66))
    for r in rows:
        exp = ", ".join(r["expected"]) or "none"
        found = ", ".join(r["found"]) or "-"
        print(f"{r['case']:<{w}}  {exp:<22}  {found:<28}  {r['verdict']}")
        if r["error"]:
            print(f"{'':<{w}}  error: {r['error']}")
    s = summary
    print()
    print(f"cases: {s['cases']} ({s['positive_cases']} with a mistake, {s['negative_cases']} correct)")
    print(
        f"expected findings: {s['expected_findings']}   findings: {s['findings']}   "
        f"true positives: {s['true_positives']}   false positives: {s['false_positives']}"
    )
    print(f"recall    = {s['true_positives']}/{s['expected_findings']} = {_pct(s['recall'])}")
    print(
        f"precision = {s['true_positives']}/{s['findings']} = {_pct(s['precision'])}"
        f"   (correct programs left silent: {s['negative_cases_silent']}/{s['negative_cases']})"
    )
    if s["errors"]:
        print(f"keraslint failed on: {', '.join(s['errors'])}")
    if s["misses_by_shape"]:
        print("\nmisses by shape:")
        for shape, items in s["misses_by_shape"].items():
            print(f"  [{len(items)}] {shape}")
            for it in items:
                print(f"        {it}")
    if s["false_positive_list"]:
        print("\nfalse positives:")
        for it in s["false_positive_list"]:
            print(f"  {it}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print a JSON report")
    ap.add_argument("--case", action="append", metavar="NAME", help="run only this case (repeatable)")
    args = ap.parse_args(argv)
    try:
        cases = load_cases(args.case)
    except MalformedCase as exc:
        print(f"malformed case: {exc}", file=sys.stderr)
        return 2
    rows = [score_case(c) for c in cases]
    summary = summarise(rows)
    if args.json:
        json.dump({"summary": summary, "cases": rows}, sys.stdout, indent=2)
        print()
    else:
        print_report(rows, summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
