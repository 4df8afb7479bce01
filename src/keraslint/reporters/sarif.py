"""SARIF 2.1.0, with every rule's help text and documentation URL."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from keraslint import __version__
from keraslint.checker import BUILTIN_CODES, FileResult
from keraslint.reporters.common import Located, located, rule_url
from keraslint.rules import ALL_RULES
from keraslint.suppression import UNUSED_NOQA

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


# keraslint's own codes: (name, short, full description).
_OWN_CODES = {
    "KL001": (
        "syntax-error",
        BUILTIN_CODES["KL001"],
        "The file (or a notebook cell) is not valid Python, so none of its models could be checked. "
        "Fix the syntax error and run keraslint again.",
    ),
    "KL002": (
        "unreadable-file",
        BUILTIN_CODES["KL002"],
        "The file could not be read or decoded, is too large, or ran out of analysis budget: "
        "nothing in it was checked.",
    ),
    UNUSED_NOQA: (
        "unused-noqa",
        "`# noqa` code that is unknown or suppresses nothing",
        "A `# noqa: KLxxx` comment names a code that keraslint does not know, or that found nothing on "
        "that line. Remove the code, or the comment, so that it cannot hide a later finding.",
    ),
}
RELATIVE_BASE = "%SRCROOT%"


def _rules() -> list[dict[str, Any]]:
    described = [
        {
            "id": code,
            "name": name,
            "shortDescription": {"text": short},
            "fullDescription": {"text": full},
            "help": {"text": full, "markdown": full},
            "defaultConfiguration": {"level": "note" if code == UNUSED_NOQA else "error"},
        }
        for code, (name, short, full) in _OWN_CODES.items()
    ]
    for rule in ALL_RULES:
        described.append(
            {
                "id": rule.CODE,
                "name": rule.NAME,
                "shortDescription": {"text": rule.SUMMARY},
                "fullDescription": {"text": rule.documentation()},
                "help": {"text": rule.documentation(), "markdown": rule.documentation()},
                "helpUri": rule_url(rule.CODE),
                "defaultConfiguration": {"level": "warning"},
            }
        )
    return described


def artifact_location(path: str) -> dict[str, str]:
    """An RFC 3986 URI: ``file://`` for an absolute path; a relative one is
    percent-encoded and resolved against ``%SRCROOT%`` (the working directory)."""
    if os.path.isabs(path):
        # (a name that is not UTF-8 is encoded by its own bytes)
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(Path(path).as_posix(), errors="surrogateescape"), "uriBaseId": RELATIVE_BASE}


def _region(start: tuple[int, int], end: tuple[int, int]) -> dict[str, int]:
    return {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1]}


def _fixes(item: Located, location: dict[str, str]) -> list[dict[str, Any]]:
    """The finding's fix: every edit that fixing it makes (its folded
    findings' fixes included, as ``--fix`` chooses them), one replacement
    each; ``properties`` say whether ``--fix`` alone applies it, as ruff's
    applicability, and the folded findings it fixes too."""
    fix = item.fix
    if fix is None:
        return []
    folded = sorted({d.code for d in item.diagnostic.folded if d.fix is not None} - {item.diagnostic.code})
    return [
        {
            "description": {"text": fix.message or "apply keraslint's fix"},
            "artifactChanges": [
                {
                    "artifactLocation": location,
                    "replacements": [
                        {
                            "deletedRegion": _region(edit.start, edit.end),
                            "insertedContent": {"text": edit.text},
                            **({"properties": {"cell": edit.cell}} if edit.cell != item.cell else {}),
                        }
                        for edit in fix.edits
                    ],
                }
            ],
            "properties": {"applicability": "safe" if fix.safe else "unsafe", **({"folded": folded} if folded else {})},
        }
    ]


def write_sarif(results: list[FileResult], stream: TextIO) -> None:
    rules = _rules()
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    sarif_results = []
    for item in located(results):
        code = item.diagnostic.code
        location = artifact_location(item.path)
        entry: dict[str, Any] = {
            "ruleId": code,
            "level": "note" if code == UNUSED_NOQA else "error" if code in BUILTIN_CODES else "warning",
            "message": {"text": item.text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": location,
                        "region": _region((item.line, item.column), (item.end_line, max(item.end_column, item.column))),
                    }
                }
            ],
        }
        if item.related:
            entry["relatedLocations"] = [
                {
                    "id": number,
                    "physicalLocation": {
                        "artifactLocation": location,
                        "region": _region(
                            (other.line, other.column), (other.end_line, max(other.end_column, other.column))
                        ),
                    },
                    "message": {"text": other.message},
                    **({"properties": {"cell": other.cell}} if other.cell is not None else {}),
                }
                for number, other in enumerate(item.related, start=1)
            ]
        if item.trace:
            # How keraslint knows: one thread of locations, origin first,
            # each with what the value is there.
            entry["codeFlows"] = [
                {
                    "message": {"text": "how keraslint knows"},
                    "threadFlows": [
                        {
                            "locations": [
                                {
                                    "location": {
                                        "physicalLocation": {
                                            "artifactLocation": location,
                                            "region": _region(
                                                (step.line, step.column),
                                                (step.end_line, max(step.end_column, step.column)),
                                            ),
                                        },
                                        "message": {"text": step.message},
                                        **({"properties": {"cell": step.cell}} if step.cell is not None else {}),
                                    },
                                    "executionOrder": order,
                                }
                                for order, step in enumerate(item.trace, start=1)
                            ]
                        }
                    ],
                }
            ]
        fixes = _fixes(item, location)
        if fixes:
            entry["fixes"] = fixes
        if code in index:
            entry["ruleIndex"] = index[code]
        if item.cell is not None:
            entry["properties"] = {"cell": item.cell}
        sarif_results.append(entry)
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "keraslint",
                        "version": __version__,
                        "informationUri": "https://github.com/keraslint/keraslint",
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {RELATIVE_BASE: {"uri": Path.cwd().as_uri() + "/"}},
                "results": sarif_results,
            }
        ],
    }
    json.dump(document, stream, indent=2)
    stream.write("\n")
