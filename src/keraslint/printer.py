"""What ``keraslint check`` prints around its findings, as ruff 0.17 prints it.

For people (``concise``, ``full``): the findings, ``[*]`` on those that
``--fix`` would fix, the list of the fixes made (``--show-fixes``), then a
summary ("Found 3 errors.", "[*] 2 fixable with `--fix`.", "All checks
passed!"). Machine formats get the findings only. ``--statistics`` prints
counts per code instead; ``--diff`` ends with "Would fix N errors.".
``-q`` keeps the findings and drops the summaries; ``-s`` prints nothing.
"""

from __future__ import annotations

import enum
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, Iterable, Mapping, TextIO

from keraslint.checker import FileResult
from keraslint.diagnostics import Diagnostic
from keraslint.reporters import REPORTERS
from keraslint.reporters.common import printable
from keraslint.reporters.text import write_concise, write_full
from keraslint.terminal import PLAIN, Style

# The output formats that get the summary lines and the ``[*]`` marks.
HUMAN_FORMATS = {"concise": write_concise, "full": write_full}
# The ones ``--statistics`` can print (as ruff: its text, or a JSON list).
STATISTICS_FORMATS = ("concise", "full", "json")

# For each file fixed, how many findings of each code the fixes removed.
FixTable = Dict[str, "Counter[str]"]


class Level(enum.IntEnum):
    SILENT = 0  # -s: nothing but the exit status
    QUIET = 1  # -q: the findings, no summary
    DEFAULT = 2


def applies(diagnostic: Diagnostic, unsafe: bool) -> bool:
    """Whether ``--fix`` (with ``--unsafe-fixes`` when ``unsafe``) would fix it."""
    return diagnostic.fix is not None and (diagnostic.fix.safe or unsafe)


def fixed_codes(diagnostics: Iterable[Diagnostic], unsafe: bool) -> Counter[str]:
    """The codes of the findings that applying a file's fixes removes:
    keraslint applies all of a file's wanted fixes, or none; a fix left for
    the next run (it changes the code another finding's fix changes, see
    ``fixes.wanted_fixes``) fixes nothing now."""
    from keraslint.fixes import wanted_fixes

    found = list(diagnostics)
    chosen = set(wanted_fixes(found, unsafe))
    return Counter(d.code for d in found if applies(d, unsafe) and d.fix in chosen)


def open_output(path: str) -> TextIO:
    """The file ``-o PATH`` names, its folders made if missing (as ruff)."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    return open(path, "w", encoding="utf-8", errors="backslashreplace")


def _hidden(diagnostics: Iterable[Diagnostic], unsafe: bool) -> int:
    """How many of the findings have a fix that only ``--unsafe-fixes`` applies."""
    return sum(1 for d in diagnostics if d.fix is not None and not applies(d, unsafe))


def _s(count: int, plural: str = "s") -> str:
    return "" if count == 1 else plural


@dataclass(frozen=True)
class Printer:
    output_format: str = "concise"
    level: Level = Level.DEFAULT
    unsafe_fixes: bool = False
    show_fixes: bool = False
    style: Style = PLAIN
    # Each code's rule name, for --statistics and --show-fixes.
    names: Mapping[str, str] = field(default_factory=dict)
    # ``--show-trace``: the concise format shows each finding's trace too
    # (``full`` always does).
    show_trace: bool = False

    def write_report(self, results: list[FileResult], stream: TextIO, fixed: FixTable | None = None) -> None:
        """The findings of ``results``. ``fixed`` is what ``--fix`` fixed,
        None without ``--fix``."""
        if self.level is Level.SILENT:
            return
        human = HUMAN_FORMATS.get(self.output_format)
        if human is None:
            REPORTERS[self.output_format](results, stream)
            return
        remaining = [d for result in results for d in result.diagnostics]
        # As ruff: no marks after --fix (what it could fix, it fixed).
        marks = fixed is None and any(applies(d, self.unsafe_fixes) for d in remaining)
        if human is write_concise:
            write_concise(results, stream, self.style, self._marked if marks else None, self.show_trace)
        else:
            human(results, stream, self.style, self._marked if marks else None)
        self._write_fix_summary(stream, fixed)
        self._write_summary(stream, remaining, fixed)

    def write_statistics(
        self,
        results: list[FileResult],
        stream: TextIO,
        fixed: FixTable | None = None,
    ) -> None:
        """Per code: how many findings, and how many ``--fix`` would fix;
        the codes seen most first."""
        if self.level is Level.SILENT:
            return
        remaining = [d for result in results for d in result.diagnostics]
        counts = Counter(d.code for d in remaining)
        fixable = Counter(d.code for d in remaining if applies(d, self.unsafe_fixes))
        rows = [
            {
                "code": code,
                "name": self.names.get(code, ""),
                "count": counts[code],
                "fixable": fixable[code] > 0,
                "fixable_count": fixable[code],
            }
            for code in sorted(counts, key=lambda code: (-counts[code], code))
        ]
        if self.output_format == "json":
            # ruff prints nothing when there is nothing to count; ``[]`` is
            # what a program reading JSON can read.
            stream.write(json.dumps(rows, indent=2) + "\n")
            return
        if not rows:
            return  # as ruff: not even "All checks passed!"
        count_width = max(len(str(row["count"])) for row in rows)
        code_width = max(len(str(row["code"])) for row in rows)
        any_fixable = any(row["fixable"] for row in rows)
        for row in rows:
            mark = (f"[{self.style.punctuation('*')}] " if row["fixable"] else "[ ] ") if any_fixable else ""
            count = self.style.bold(f"{row['count']:>{count_width}}")
            code = self.style.code(f"{row['code']:<{code_width}}")
            # A code without a name (KL001, KL002) leaves no trailing space.
            stream.write(f"{count}\t{code}\t{mark}{row['name']}".rstrip() + "\n")
        self._write_summary(stream, remaining, fixed)

    def write_diff_summary(self, stream: TextIO, results: list[FileResult], would_fix: int) -> None:
        """After ``--diff``: how many findings the diff fixes, and how many
        more ``--unsafe-fixes`` would."""
        if self.level < Level.DEFAULT:
            return
        hidden = sum(
            1 for r in results for d in r.diagnostics if d.fix is not None and not applies(d, self.unsafe_fixes)
        )
        if hidden:
            fixes = f"fix{_s(hidden, 'es')} available with `--unsafe-fixes`"
            if would_fix:
                stream.write(f"Would fix {would_fix} error{_s(would_fix)} ({hidden} additional {fixes}).\n")
            else:
                stream.write(f"No errors would be fixed ({hidden} {fixes}).\n")
        elif would_fix:
            stream.write(f"Would fix {would_fix} error{_s(would_fix)}.\n")

    def _marked(self, diagnostic: Diagnostic) -> bool:
        return applies(diagnostic, self.unsafe_fixes)

    def _write_fix_summary(self, stream: TextIO, fixed: FixTable | None) -> None:
        if not self.show_fixes or not fixed:
            return
        total = sum(sum(codes.values()) for codes in fixed.values())
        if not total:
            return
        width = max(len(str(count)) for codes in fixed.values() for count in codes.values())
        style = self.style
        stream.write("\n" + style.success(f"Fixed {total} error{_s(total)}:") + "\n")
        for path in sorted(fixed):
            codes = fixed[path]
            if not codes:
                continue
            stream.write(f"{style.punctuation('-')} {style.bold(printable(path))}{style.punctuation(':')}\n")
            for code in sorted(codes, key=lambda code: (-codes[code], code)):
                name = f" ({self.names[code]})" if self.names.get(code) else ""
                stream.write(f"    {codes[code]:>{width}} × {style.code(code)}{name}\n")
        stream.write("\n")

    def _write_summary(self, stream: TextIO, remaining: list[Diagnostic], fixed: FixTable | None) -> None:
        if self.level < Level.DEFAULT:
            return
        done = sum(sum(codes.values()) for codes in fixed.values()) if fixed else 0
        left = len(remaining)
        total = done + left
        if done:
            stream.write(f"Found {total} error{_s(total)} ({done} fixed, {left} remaining).\n")
        elif left:
            stream.write(f"Found {left} error{_s(left)}.\n")
        else:
            stream.write(self.style.success("All checks passed!") + "\n")
        applicable = sum(1 for d in remaining if applies(d, self.unsafe_fixes))
        hidden = _hidden(remaining, self.unsafe_fixes)
        unsafe = f"{hidden} unsafe fix{_s(hidden, 'es')} available with `--fix --unsafe-fixes`"
        mark = f"[{self.style.punctuation('*')}]"
        if applicable and hidden:
            stream.write(f"{mark} {applicable} fixable with `--fix` ({unsafe}).\n")
        elif applicable:
            stream.write(f"{mark} {applicable} fixable with `--fix`.\n")
        elif hidden:
            stream.write(f"{unsafe}.\n")
