"""SARIF 2.1.0, with every rule's help text and documentation URL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from keraslint import __version__
from keraslint.checker import BUILTIN_CODES, FileResult
from keraslint.reporters.common import located, rule_url
from keraslint.rules import ALL_RULES

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def _rules() -> list[dict[str, Any]]:
    described = [
        {
            "id": code,
            "name": "syntax-error" if code == "KL001" else "unreadable-file",
            "shortDescription": {"text": summary},
        }
        for code, summary in BUILTIN_CODES.items()
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


def write_sarif(results: list[FileResult], stream: TextIO) -> None:
    rules = _rules()
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    sarif_results = []
    for item in located(results):
        code = item.diagnostic.code
        region: dict[str, Any] = {
            "startLine": item.line,
            "startColumn": item.column,
            "endLine": item.end_line,
            "endColumn": max(item.end_column, item.column),
        }
        entry: dict[str, Any] = {
            "ruleId": code,
            "level": "error" if code in BUILTIN_CODES else "warning",
            "message": {"text": item.text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": Path(item.path).as_posix()},
                        "region": region,
                    }
                }
            ],
        }
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
                "results": sarif_results,
            }
        ],
    }
    json.dump(document, stream, indent=2)
    stream.write("\n")
