"""GitLab Code Quality report (a JSON list of issues)."""

from __future__ import annotations

import hashlib
import json
from typing import TextIO

from keraslint.checker import BUILTIN_CODES, FileResult
from keraslint.reporters.common import located


def write_gitlab(results: list[FileResult], stream: TextIO) -> None:
    issues = []
    seen: dict[str, int] = {}
    for item in located(results):
        code = item.diagnostic.code
        # (surrogatepass: a file name that is not UTF-8 is hashed by its own
        # bytes' escapes, a lone surrogate in a message as itself.)
        # Stable across edits that move the line: path, code and message,
        # plus an occurrence number for repeats.
        key = f"{item.path}\0{code}\0{item.diagnostic.message}"
        seen[key] = seen.get(key, 0) + 1
        fingerprint = hashlib.sha256(f"{key}\0{seen[key]}".encode("utf-8", "surrogatepass")).hexdigest()
        issues.append(
            {
                "description": f"{code} {item.text}",
                "check_name": code,
                "fingerprint": fingerprint,
                "severity": "major" if code in BUILTIN_CODES else "minor",
                "location": {"path": item.path, "lines": {"begin": item.line, "end": item.end_line}},
            }
        )
    json.dump(issues, stream, indent=2)
    stream.write("\n")
