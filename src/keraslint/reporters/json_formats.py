"""``json`` (one list) and ``json-lines`` (one object a line), shaped like
ruff's: code, message, filename, location / end_location, fix, cell."""

from __future__ import annotations

import json
from typing import Any, TextIO

from keraslint.checker import FileResult
from keraslint.reporters.common import Located, located, rule_url


def as_dict(item: Located) -> dict[str, Any]:
    d = item.diagnostic
    # The folded findings are the last of the related information.
    codes = [None] * (len(d.related) - len(d.folded)) + [child.code for child in d.folded]
    fix = None
    if d.fix is not None and item.fix_start is not None and item.fix_end is not None:
        # As ruff's: in a notebook, rows and columns within the cell.
        fix = {
            "message": d.hint,
            "applicability": "safe" if d.fix.safe else "unsafe",
            "edits": [
                {
                    "content": d.fix.text,
                    "location": {"row": item.fix_start[0], "column": item.fix_start[1]},
                    "end_location": {"row": item.fix_end[0], "column": item.fix_end[1]},
                }
            ],
        }
    return {
        "code": d.code,
        "message": d.message,
        "hint": d.hint,
        "filename": item.path,
        "cell": item.cell,
        "location": {"row": item.line, "column": item.column},
        "end_location": {"row": item.end_line, "column": item.end_column},
        "fix": fix,
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
        # same mistake, keraslint.folding) has its code.
        "related": [
            {
                "code": codes[number] if number < len(codes) else None,
                "message": other.message,
                "cell": other.cell,
                "location": {"row": other.line, "column": other.column},
                "end_location": {"row": other.end_line, "column": other.end_column},
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
