"""``keraslint rule CODE|NAME`` and ``keraslint rule --all``: the
documentation of the rules, the built-in codes (KL001-KL003) included, as
``ruff rule`` prints it; ``keraslint --list-rules``: one line per rule."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Protocol

from keraslint.builtin_rules import BUILTIN_RULES
from keraslint.rules import ALL_RULES

EXIT_CLEAN, EXIT_ERROR = 0, 2


class _Documented(Protocol):
    CODE: str
    NAME: str
    SUMMARY: str
    FIX: str

    def documentation(self) -> str: ...


def _all() -> list[tuple[_Documented, bool]]:
    """Every code with whether it is on by default, sorted by code."""
    found: list[tuple[_Documented, bool]] = [(rule, rule.default) for rule in BUILTIN_RULES]
    found += [(rule, True) for rule in ALL_RULES]
    return sorted(found, key=lambda pair: pair[0].CODE)


def rule_rows() -> list[dict[str, object]]:
    return [
        {"code": r.CODE, "name": r.NAME, "summary": r.SUMMARY, "fix": r.FIX, "default": default}
        for r, default in _all()
    ]


def find_rule(wanted: str) -> tuple[_Documented, bool] | None:
    """The rule with this code (any case) or name, and whether it is on by
    default."""
    key = wanted.strip()
    for rule, default in _all():
        if key.upper() == rule.CODE or key.lower() == rule.NAME:
            return rule, default
    return None


def _page(rule: _Documented) -> str:
    return f"# {rule.CODE}: {rule.NAME}\n\n{rule.SUMMARY}.\n\nFix: {rule.FIX}\n\n{rule.documentation()}\n"


def _document(rule: _Documented, default: bool) -> dict[str, object]:
    return {
        "code": rule.CODE,
        "name": rule.NAME,
        "summary": rule.SUMMARY,
        "fix": rule.FIX,
        "default": default,
        "documentation": rule.documentation(),
    }


def list_rules(output_format: str = "text") -> int:
    """One line per code: code, name, fix, summary."""
    rows = rule_rows()
    if output_format == "json":
        print(json.dumps(rows, indent=2))
        return EXIT_CLEAN
    for row in rows:
        opt = "" if row["default"] else "  (opt-in)"
        print(f"{row['code']}  {row['name']:<38}  fix: {row['fix']:<9}  {row['summary']}{opt}")
    return EXIT_CLEAN


def rule_command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="keraslint rule", description="Show the documentation of rules.")
    parser.add_argument("rule", nargs="?", metavar="CODE|NAME", help="a rule code or name: KL101, softmax-single-unit")
    parser.add_argument("--all", action="store_true", help="the documentation of every rule")
    parser.add_argument(
        "--output-format",
        choices=("text", "json"),
        default="text",
        help="print the documentation as text (the default) or as JSON",
    )
    args = parser.parse_args(argv)
    if args.all:
        if args.output_format == "json":
            print(json.dumps([_document(rule, default) for rule, default in _all()], indent=2))
        else:
            print("\n".join(_page(rule) for rule, _ in _all()), end="")
        return EXIT_CLEAN
    if not args.rule:
        parser.error("give a rule code or name, or --all")
    found = find_rule(args.rule)
    if found is None:
        known = ", ".join(r.CODE for r, _ in _all())
        print(f"keraslint: error: no rule `{args.rule}` (known codes: {known})", file=sys.stderr)
        return EXIT_ERROR
    rule, default = found
    if args.output_format == "json":
        print(json.dumps(_document(rule, default), indent=2))
    else:
        print(_page(rule), end="")
    return EXIT_CLEAN
