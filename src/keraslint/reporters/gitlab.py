"""GitLab Code Quality report (a JSON list of issues)."""

from __future__ import annotations

import hashlib
import json
from typing import TextIO

from keraslint.checker import BUILTIN_CODES, FileResult
from keraslint.reporters.common import located
from keraslint.suppression import UNUSED_NOQA


def severity(code: str) -> str:
    """KL1xx (output and loss disagree) and KL2xx (loss and targets
    disagree): the model learns nothing or the wrong thing, silently.
    The others stop the run (a file that cannot be checked, a name Keras
    rejects) or are housekeeping (an unused ``noqa``)."""
    if code == UNUSED_NOQA:
        return "minor"
    if code not in BUILTIN_CODES and code[2] in "12":
        return "critical"
    return "major"


def write_gitlab(results: list[FileResult], stream: TextIO) -> None:
    issues = []
    seen: dict[str, int] = {}
    for item in located(results):
        code = item.diagnostic.code
        # Stable when lines are inserted or removed elsewhere: no line number
        # is hashed (messages may name one: "loss at line 17"), only the
        # path, the code and the flagged line's text, whitespace collapsed,
        # plus an occurrence number among identical ones.
        key = f"{item.path}\0{code}\0{item.snippet}"
        seen[key] = seen.get(key, 0) + 1
        # (surrogatepass: a file name that is not UTF-8 is hashed by its own
        # bytes' escapes, a lone surrogate in the source as itself.)
        fingerprint = hashlib.sha256(f"{key}\0{seen[key]}".encode("utf-8", "surrogatepass")).hexdigest()
        issues.append(
            {
                "description": f"{code} {item.text}",
                "check_name": code,
                "fingerprint": fingerprint,
                "severity": severity(code),
                "location": {"path": item.path, "lines": {"begin": item.line, "end": item.end_line}},
            }
        )
    json.dump(issues, stream, indent=2)
    stream.write("\n")
