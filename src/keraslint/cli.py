"""``keraslint [PATH ...]``: exit 0 clean, 1 with findings, 2 on errors."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from keraslint import __version__
from keraslint.checker import BUILTIN_CODES, lint_path
from keraslint.discovery import discover
from keraslint.reporters.text import concise
from keraslint.rules import ALL_RULES, RULES_BY_CODE
from keraslint.selection import Selection, UnknownSelector, parse_codes

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def all_codes() -> list[str]:
    return sorted([*BUILTIN_CODES, *RULES_BY_CODE])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="keraslint",
        description="Find loss/output-layer mistakes in Keras code, without running it.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .)")
    parser.add_argument("--select", metavar="CODES", help="comma-separated code prefixes to report (default: all)")
    parser.add_argument("--ignore", metavar="CODES", help="comma-separated code prefixes not to report")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("--list-rules", action="store_true", help="list every rule with its code and summary")
    parser.add_argument("--explain", metavar="CODE", help="print the documentation of one rule")
    parser.add_argument("--version", action="version", version=f"keraslint {__version__}")
    return parser


def _list_rules() -> str:
    lines = [f"{code}  {'-':<38}  {summary}" for code, summary in BUILTIN_CODES.items()]
    lines += [f"{rule.CODE}  {rule.NAME:<38}  {rule.SUMMARY}" for rule in ALL_RULES]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["server"]:
        from keraslint.server import main as serve

        return serve(arguments[1:])
    parser = _parser()
    args = parser.parse_args(arguments)
    if args.list_rules:
        print(_list_rules())
        return EXIT_CLEAN
    if args.explain:
        rule = RULES_BY_CODE.get(args.explain.strip().upper())
        if rule is None:
            print(f"keraslint: error: no rule `{args.explain}` (see --list-rules)", file=sys.stderr)
            return EXIT_ERROR
        print(f"# {rule.CODE} {rule.NAME}\n\n{rule.documentation()}")
        return EXIT_CLEAN
    try:
        selection = Selection(
            parse_codes(args.select, all_codes()) if args.select else ("KL",),
            parse_codes(args.ignore, all_codes()) if args.ignore else (),
        )
    except UnknownSelector as error:
        print(f"keraslint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    rules = tuple(rule for rule in ALL_RULES if selection.enabled(rule.CODE))

    findings = 0
    internal_error = False
    out = sys.stdout
    for path in discover(args.paths or ["."]):
        result = lint_path(path, rules)
        for diagnostic in result.diagnostics:
            if selection.enabled(diagnostic.code):
                findings += 1
                out.write(concise(path, result.source, diagnostic) + "\n")
        for error in result.internal_errors:
            internal_error = True
            print(f"keraslint: internal error in {path}: {error}", file=sys.stderr)
    if internal_error:
        return EXIT_ERROR
    if findings and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN
