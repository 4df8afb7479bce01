"""``json`` (one list) and ``json-lines`` (one object a line), shaped like
ruff's: code, message, filename, location / end_location, fix, cell."""

from __future__ import annotations

import json
from typing import Any, TextIO

from keraslint.checker import FileResult
from keraslint.reporters.common import Located, LocatedFix, located, rule_url


def fix_dict(fix: LocatedFix | None, cell: int | None) -> dict[str, Any] | None:
    """Ruff's JSON ``fix``: message, applicability, edits. In a notebook,
    rows and columns are within the cell, as ruff's; an edit in another
    cell than the finding's says which (``cell``)."""
    if fix is None:
        return None
    return {
        "message": fix.message,
        "applicability": "safe" if fix.safe else "unsafe",
        "edits": [
            {
                "content": edit.text,
                "location": {"row": edit.start[0], "column": edit.start[1]},
                "end_location": {"row": edit.end[0], "column": edit.end[1]},
                **({"cell": edit.cell} if edit.cell != cell else {}),
            }
            for edit in fix.edits
        ],
    }


def as_dict(item: Located) -> dict[str, Any]:
    d = item.diagnostic
    # The folded findings are the last of the related information.
    unfolded = len(d.related) - len(d.folded)
    codes = [None] * unfolded + [child.code for child in d.folded]
    return {
        "code": d.code,
        "message": d.message,
        "hint": d.hint,
        "filename": item.path,
        "cell": item.cell,
        "location": {"row": item.line, "column": item.column},
        "end_location": {"row": item.end_line, "column": item.end_column},
        # What fixing this finding edits, folded findings' fixes included,
        # as --fix chooses them; unsafe when one of them is.
        "fix": fix_dict(item.fix, item.cell),
        "url": rule_url(d.code),
        # How keraslint knows, origin first (empty for a value written
        # where Keras reads it).
        "trace": [
            {
                "message": step.message,
                "cell": step.cell,
                "location": {"row": step.line, "column": step.column},
                "end_location": {"row": step.end_line, "column": step.end_column},
            }
            for step in item.trace
        ],
        # As SARIF's relatedLocations; a finding folded into this one (the
        # same mistake, keraslint.folding) has its code and its own fix.
        "related": [
            {
                "code": codes[number] if number < len(codes) else None,
                "message": other.message,
                "cell": other.cell,
                "location": {"row": other.line, "column": other.column},
                "end_location": {"row": other.end_line, "column": other.end_column},
                **(
                    {"fix": fix_dict(item.folded_fixes[number - unfolded], item.cell)}
                    if unfolded <= number < len(codes) and number - unfolded < len(item.folded_fixes)
                    else {}
                ),
            }
            for number, other in enumerate(item.related)
        ],
    }


def write_json(results: list[FileResult], stream: TextIO) -> None:
    json.dump([as_dict(item) for item in located(results)], stream, indent=2)
    stream.write("\n")


def write_json_lines(results: list[FileResult], stream: TextIO) -> None:
    for item in located(results):
        stream.write(json.dumps(as_dict(item)) + "\n")
