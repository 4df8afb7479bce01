"""``keraslint check [PATH ...]`` (or ``keraslint [PATH ...]``): exit 0
clean, 1 with findings, 2 on errors.

``keraslint rule CODE`` / ``keraslint rule --all`` document the rules,
``keraslint clean`` removes the caches and ``keraslint server`` starts the
language server.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import platform
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence, TextIO

from keraslint import __version__
from keraslint.cache import CACHE_DIRECTORY_NAME
from keraslint.cache_location import cache_directory
from keraslint.checker import SYNTAX_ERROR, FileResult, unreadable
from keraslint.config import ConfigError, Settings, describe
from keraslint.discovery import is_excluded
from keraslint.keras_version import KERAS_VERSIONS, describe_declared_version
from keraslint.printer import STATISTICS_FORMATS, FixTable, Level, Printer, fixed_codes, open_output
from keraslint.reporters import REPORTERS
from keraslint.reporters.common import printable
from keraslint.resolution import Resolver
from keraslint.rule_command import list_rules, rule_command
from keraslint.rule_command import rule_rows as _rule_rows
from keraslint.runner import KNOWN_CODES, check_bytes, check_paths
from keraslint.selection import UnknownSelector, parse_codes
from keraslint.sources import MAX_INPUT_BYTES, UnreadableSource, too_large
from keraslint.sources.notebook import NotebookSource, parse_notebook
from keraslint.sources.python import PythonSource
from keraslint.terminal import COLOR_CHOICES, Style, wants_color

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


def all_codes() -> list[str]:
    return sorted(KNOWN_CODES)


def _check_parser(prog: str = "keraslint check") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Find loss/output-layer mistakes in Keras code, without running it. "
        "Other commands: `keraslint rule CODE|NAME|--all`, `keraslint clean`, `keraslint server`, "
        "`keraslint help [COMMAND]`, `keraslint version`.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .); - reads stdin")
    selection = parser.add_argument_group("rule selection")
    selection.add_argument("--select", metavar="CODES", help="comma-separated code prefixes to report (ALL: all)")
    selection.add_argument("--extend-select", metavar="CODES", help="code prefixes to report in addition")
    selection.add_argument("--ignore", metavar="CODES", help="comma-separated code prefixes not to report")
    files = parser.add_argument_group("file selection")
    files.add_argument("--exclude", metavar="GLOBS", help="comma-separated globs replacing the default excludes")
    files.add_argument("--extend-exclude", metavar="GLOBS", help="comma-separated globs to exclude in addition")
    files.add_argument(
        "--respect-gitignore",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="skip the files .gitignore, .ignore and git's exclude files ignore (default: on)",
    )
    files.add_argument(
        "--force-exclude",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="apply excludes to paths named on the command line too",
    )
    files.add_argument("--stdin-filename", metavar="PATH", help="the name of the code read from stdin")
    config = parser.add_argument_group("configuration")
    config.add_argument("--config", metavar="PATH", help="the pyproject.toml to read [tool.keraslint] from")
    config.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    config.add_argument("--show-settings", action="store_true", help="print the effective settings and exit")
    config.add_argument(
        "--keras-version",
        choices=KERAS_VERSIONS,
        help="the Keras the code runs on (default: auto, read from the project's dependency files)",
    )
    output = parser.add_argument_group("output")
    output.add_argument(
        "--output-format", choices=sorted(REPORTERS), default="concise", help="how to print the findings"
    )
    output.add_argument(
        "--statistics",
        action="store_true",
        help="print the number of findings per code instead of the findings (concise, full or json)",
    )
    output.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    output.add_argument("-o", "--output-file", metavar="PATH", help="write the findings to PATH, not stdout")
    output.add_argument(
        "--show-fixes",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="after --fix, list the fixes made, per file and code",
    )
    output.add_argument(
        "--show-trace",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="under each finding of the concise format, how keraslint knows: the steps from where "
        "the deciding value was written to where Keras reads it (the full format always shows them)",
    )
    output.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default="auto",
        help="colour the output: auto (the default) colours a terminal unless NO_COLOR is set, "
        "or anything if FORCE_COLOR is",
    )
    verbosity = output.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", help="print the findings only, no summary")
    verbosity.add_argument("-s", "--silent", action="store_true", help="print nothing; the exit status tells")
    speed = parser.add_argument_group("speed")
    speed.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="processes checking files in parallel (default: the number of cores)",
    )
    speed.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    speed.add_argument(
        "--cache-dir",
        metavar="DIR",
        help=f"where results are cached (default: $KERASLINT_CACHE_DIR, else {CACHE_DIRECTORY_NAME} "
        "in the project root)",
    )
    fixing = parser.add_argument_group("fixes")
    fixing.add_argument("--fix", action="store_true", help="apply the safe fixes to the files")
    fixing.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: apply unsafe fixes too")
    fixing.add_argument("--diff", action="store_true", help="print the fixes as a diff; write nothing")
    fixing.add_argument(
        "--exit-non-zero-on-fix",
        action="store_true",
        help="with --fix: exit 1 when something was fixed, even if no finding remains",
    )
    fixing.add_argument("--add-noqa", action="store_true", help="add a `# noqa: KLxxx` on the line of every finding")
    info = parser.add_argument_group("rules")
    info.add_argument("--list-rules", action="store_true", help="list every rule with its code and summary")
    info.add_argument("--explain", metavar="CODE", help="print the documentation of one rule")
    parser.add_argument("--version", action="version", version=f"keraslint {__version__}")
    return parser


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _resolver(args: argparse.Namespace) -> Resolver:
    """Each file's settings: its nearest configuration file (or the one
    ``--config`` names, or none with ``--isolated``), with the command
    line's options over it."""
    config: Path | None = None
    if args.config and not args.isolated:
        config = Path(args.config)
        if not config.is_file():
            raise ConfigError(f"{args.config}: no such configuration file")
    overrides: dict[str, object] = {}
    try:
        for name in ("select", "ignore", "extend_select"):
            value = getattr(args, name)
            if value is not None:
                overrides[name] = parse_codes(value, KNOWN_CODES)
    except UnknownSelector as error:
        raise UsageError(str(error)) from None
    for name in ("exclude", "extend_exclude"):
        value = getattr(args, name)
        if value is not None:
            overrides[name] = _split(value)
    for name in ("respect_gitignore", "force_exclude", "keras_version"):
        value = getattr(args, name)
        if value is not None:
            overrides[name] = value
    return Resolver(KNOWN_CODES, config=config, isolated=args.isolated, overrides=overrides)


def _first_path(args: argparse.Namespace) -> str:
    """The path ``--show-settings`` and the cache directory go by."""
    return next((p for p in args.paths if p != "-"), None) or args.stdin_filename or "."


def _cache_directory(args: argparse.Namespace, settings: Settings) -> Path | None:
    """Where this run's cache is (``cache_location.py``); None with ``--no-cache``."""
    if args.no_cache:
        return None
    return cache_directory(args.cache_dir, settings, next((p for p in args.paths if p != "-"), "."))


class _OutputClosed(OSError):
    """Standard output is closed (``keraslint ... >&-``)."""


def _say(message: str) -> None:
    """One line on stderr, if there is a stderr to write to."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(printable(message) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # nowhere left to say it


def _quiet_stdout() -> None:
    """After the reader of a pipe went away (``keraslint | head -1``):
    send what is left to /dev/null, so that Python's own flush at exit
    does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _tolerant_streams() -> None:
    """Whatever a finding quotes (a lone surrogate in a loss string, a file
    name that is not UTF-8) can be written: what the stream's encoding
    cannot hold is written as an escape, never a ``UnicodeEncodeError``."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run keraslint. Every failure of the environment (a closed or full
    output, a pipe whose reader left, Ctrl-C) ends in one line on stderr
    and an exit status, never a traceback."""
    _tolerant_streams()
    try:
        return _main(argv)
    except KeyboardInterrupt:
        _say("keraslint: interrupted")
        return 130  # 128 + SIGINT, as shells report it
    except BrokenPipeError:
        # The reader stopped reading: nothing is wrong with the files.
        _quiet_stdout()
        return EXIT_ERROR
    except _OutputClosed:
        _say("keraslint: error: cannot write the report: standard output is closed")
        return EXIT_ERROR
    except OSError as error:  # a full disk, an I/O error on the output
        _say(f"keraslint: error: cannot write the report: {error.strerror or error}")
        return EXIT_ERROR


def _read_stdin(limit: int) -> tuple[bytes, bool]:
    """Stdin, or its first ``limit + 1`` bytes when it is longer than
    ``limit``, and whether it was."""
    if sys.stdin is None:
        raise UsageError("cannot read standard input: it is closed")
    data = sys.stdin.buffer.read(limit + 1)
    return data, len(data) > limit


def _echo_rest(head: bytes) -> None:
    """Copy ``head`` and the rest of stdin to stdout in pieces: an input too
    large to check is still given back unchanged, in bounded memory."""
    sys.stdout.flush()
    sys.stdout.buffer.write(head)
    while chunk := sys.stdin.buffer.read(1 << 20):
        sys.stdout.buffer.write(chunk)
    sys.stdout.buffer.flush()


def _printer(args: argparse.Namespace, stream: TextIO) -> Printer:
    """How the findings are printed: ``--color`` applies to standard
    output; a file (``-o``) never gets colour, as with ruff."""
    level = Level.SILENT if args.silent else Level.QUIET if args.quiet else Level.DEFAULT
    color = args.output_file is None and wants_color(args.color, stream)
    names = {str(row["code"]): str(row["name"]) for row in _rule_rows() if row["name"] != "-"}
    return Printer(args.output_format, level, args.unsafe_fixes, args.show_fixes, Style(color), names, args.show_trace)


def _output(args: argparse.Namespace) -> contextlib.AbstractContextManager[TextIO]:
    """Where the findings go: ``-o PATH``, else standard output."""
    if args.output_file is None:
        return contextlib.nullcontext(sys.stdout)
    return open_output(args.output_file)


def _report(results: list[FileResult], args: argparse.Namespace, fixed: FixTable | None) -> None:
    """Write the report; a reader that leaves early (``| head``) ends the
    writing quietly, the exit status stays what the findings make it."""
    try:
        with _output(args) as output:
            printer = _printer(args, output)
            if args.statistics:
                # As ruff does: the counts instead of the diagnostics.
                printer.write_statistics(results, output, fixed)
            else:
                printer.write_report(results, output, fixed)
            output.flush()
    except BrokenPipeError:
        _quiet_stdout()


def _path_key(path: str) -> tuple[str, ...]:
    """Paths in the order ruff reports them: folder by folder, by name."""
    return Path(os.path.normpath(path)).parts


def _tune_gc() -> None:
    """Run Python's cyclic garbage collector less often in keraslint's own
    process (and the workers it forks): a LibCST parse allocates hundreds of
    thousands of objects, none of them garbage in a cycle, and with the
    default thresholds the collector scanned them again and again (0.4 s of a
    3.7 s parse of 287 real Keras files). mypy tunes its process the same way
    (mypy/build.py, ``gc.set_threshold(200 * 1000, 30, 30)``). Only the
    command line does this: as a library keraslint leaves its host's settings."""
    if platform.python_implementation() == "CPython":
        gc.set_threshold(200_000, 30, 30)


def _printing(command: Callable[[], int]) -> int:
    """Run a command that only prints (``rule``, ``--list-rules``,
    ``--explain``, ``--show-settings``). A reader that leaves early
    (``keraslint rule KL101 | head -1``) took what it wanted of a correct
    answer: the command ends quietly with its usual status."""
    try:
        status = command()
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_CLEAN
    return status


def _show_settings(settings: Settings, args: argparse.Namespace) -> int:
    print(describe(settings))
    if settings.keras_version == "auto":
        print(describe_declared_version(_first_path(args)))
    return EXIT_CLEAN


SUBCOMMANDS = ("check", "rule", "clean", "server")


def _help_or_version(command: str, rest: list[str]) -> int:
    """``keraslint help [SUBCOMMAND]`` and ``keraslint version``, as in
    ruff. They are subcommands only when no file or directory of that name
    exists: ``keraslint help`` in a project with a ``help/`` package lints
    it, as any path does (``keraslint check help`` always does)."""
    if command == "version":
        if rest:
            _say(f"keraslint: error: `keraslint version` takes no arguments, got {' '.join(rest)}")
            return EXIT_ERROR
        print(f"keraslint {__version__}")
        return EXIT_CLEAN
    if len(rest) > 1 or (rest and rest[0] not in SUBCOMMANDS):
        _say(f"keraslint: error: `keraslint help` takes one of {', '.join(SUBCOMMANDS)}, got {' '.join(rest)}")
        return EXIT_ERROR
    return _main([*rest, "--help"])


def _main(argv: Sequence[str] | None) -> int:
    _tune_gc()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] in (["help"], ["version"]) and not os.path.lexists(arguments[0]):
        return _help_or_version(arguments[0], arguments[1:])
    if arguments[:1] == ["server"]:
        from keraslint.server import main as serve

        return serve(arguments[1:])
    if arguments[:1] == ["rule"]:
        return _printing(lambda: rule_command(arguments[1:]))
    prog = "keraslint"
    if arguments[:1] == ["clean"]:
        from keraslint.clean import clean_command

        return clean_command(arguments[1:])
    if arguments[:1] == ["check"]:
        arguments, prog = arguments[1:], "keraslint check"
    if sys.stdout is None:
        raise _OutputClosed
    parser = _check_parser(prog)
    args = parser.parse_args(arguments)
    if args.statistics and args.output_format not in STATISTICS_FORMATS:
        parser.error(f"--statistics cannot print the {args.output_format} format: use {', '.join(STATISTICS_FORMATS)}")
    if args.diff and args.show_fixes:
        parser.error("--show-fixes lists the fixes --fix made; --diff makes none")
    if args.list_rules:
        return _printing(list_rules)
    if args.explain:
        return _printing(lambda: rule_command([args.explain]))
    try:
        resolver = _resolver(args)
        settings = resolver.settings_for(_first_path(args))
    except (ConfigError, UsageError) as error:
        _say(f"keraslint: error: {error}")
        return EXIT_ERROR
    if args.show_settings:
        return _printing(lambda: _show_settings(settings, args))
    if args.add_noqa and (args.fix or args.diff or "-" in args.paths):
        _say("keraslint: error: `--add-noqa` writes files: it cannot be combined with `--fix`, `--diff` or stdin")
        return EXIT_ERROR

    results: list[FileResult]
    if args.paths == ["-"]:
        name = args.stdin_filename or "-"
        excluded = args.stdin_filename is not None and settings.force_exclude and is_excluded(name, settings)
        try:
            stdin_data, more = _read_stdin(MAX_INPUT_BYTES)
        except UsageError as error:
            _say(f"keraslint: error: {error}")
            return EXIT_ERROR
        if more:
            result = unreadable(name, UnreadableSource(too_large(MAX_INPUT_BYTES)))
            if args.fix:
                # Given back unchanged, streamed; reported as any other
                # ``--fix -`` run reports (stderr or -o, with its summary).
                _echo_rest(stdin_data)
                _stdin_report(result, args, {})
                return EXIT_CLEAN if args.exit_zero else EXIT_FINDINGS
            results = [result]
        else:
            results = [] if excluded else [check_bytes(name, stdin_data, settings)]
    elif "-" in args.paths:
        _say("keraslint: error: `-` (stdin) cannot be mixed with other paths")
        return EXIT_ERROR
    else:
        # --diff promises to write nothing: not even cache entries.
        cache = None if args.diff else _cache_directory(args, settings)
        try:
            # Reported by path, as ruff does: ``keraslint b a`` prints what
            # ``keraslint a b`` prints, in the same order.
            results = sorted(
                check_paths(args.paths or ["."], resolver, max(1, args.jobs), cache), key=lambda r: _path_key(r.path)
            )
        except ConfigError as error:  # met on the way down a directory
            _say(f"keraslint: error: {error}")
            return EXIT_ERROR

    if args.add_noqa:
        from keraslint.add_noqa import add_noqa

        return add_noqa(results)
    if args.diff:
        try:
            changed, would_fix = _show_diff(results, args.unsafe_fixes)
            sys.stdout.flush()
            with _output(args) as output:
                _printer(args, output).write_diff_summary(output, results, would_fix)
                output.flush()
        except BrokenPipeError:
            _quiet_stdout()
            changed = EXIT_FINDINGS
        return EXIT_CLEAN if args.exit_zero else changed
    fixed: FixTable | None = None
    if args.fix:
        if args.paths == ["-"]:
            # Even when nothing is checked (an excluded name), the editor
            # gets its text back.
            return _fix_stdin(results[0] if results else None, stdin_data, args)
        results, fixed = _fix_files(results, args, resolver)

    findings = [d for result in results for d in result.diagnostics]
    _report(results, args, fixed)
    internal = [(r.path, e) for r in results for e in r.internal_errors]
    for path, error in internal:
        _say(f"keraslint: internal error in {path}: {error}")
    if internal:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    if args.exit_non_zero_on_fix and fixed:
        return EXIT_FINDINGS
    return EXIT_FINDINGS if findings else EXIT_CLEAN


def _fixable(result: FileResult, unsafe: bool) -> bool:
    """Fixes apply to parsed code (a ``.py`` file or a notebook's cells),
    never to a file with a syntax error."""
    from keraslint.fixes import wanted_fixes

    return (
        isinstance(result.source, (PythonSource, NotebookSource))
        and not any(d.code == SYNTAX_ERROR for d in result.diagnostics)
        and bool(wanted_fixes(result.diagnostics, unsafe))
    )


@dataclass(frozen=True)
class _Fixed:
    """A file's content after its fixes: what to write, over what, and what
    to diff."""

    original: bytes  # the bytes that were read and fixed
    data: bytes  # the same file, fixed: only the fixed literals differ
    count: int
    diffs: list[tuple[str, str, str]]  # (label, before, after)


def _apply(result: FileResult, unsafe: bool, data: bytes | None = None) -> _Fixed | None:
    """The fixed content, None when nothing changes or the fixes cannot be
    applied (said on stderr). The file is read again (or taken from
    ``data``) and fixed only if it still holds what was checked, and only
    if that leaves every other byte as it was."""
    from keraslint.fixes import NotFixed, fix_notebook, fix_python, wanted_fixes
    from keraslint.sources import UnreadableSource, read_bytes
    from keraslint.sources.python import decode

    if not _fixable(result, unsafe) or result.source is None:
        return None
    fixes = wanted_fixes(result.diagnostics, unsafe)
    try:
        if data is None:
            data = read_bytes(result.path)
        try:
            if isinstance(result.source, NotebookSource):
                same = parse_notebook(result.path, data) == result.source
            else:
                same = decode(data) == result.source.text
        except (UnreadableSource, ValueError, RecursionError, MemoryError):
            same = False
        if not same:
            raise NotFixed("it changed while being checked")
        if isinstance(result.source, NotebookSource):
            notebook = fix_notebook(data, result.source, fixes)
            new, count = notebook.data, notebook.applied
            diffs = [(f"{result.path}:cell {cell}", before, after) for cell, before, after in notebook.cells]
        else:
            python = fix_python(data, result.source.text, fixes)
            new, count = python.data, python.applied
            diffs = [(result.path, python.before, python.after)]
    except (NotFixed, UnreadableSource, OSError, ValueError, RecursionError, MemoryError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        print(f"keraslint: {result.path}: fixes not applied: {reason or type(error).__name__}", file=sys.stderr)
        return None
    if new == data:
        return None
    return _Fixed(data, new, count, diffs)


def _show_diff(results: list[FileResult], unsafe: bool) -> tuple[int, int]:
    """Print the fixes as a diff; the exit status and the number of
    findings the diff fixes."""
    from keraslint.unified_diff import unified_diff

    changed = 0
    would_fix = 0
    failed = False
    for result in results:
        try:
            fixed = _apply(result, unsafe)
        except Exception as error:  # a bug of ours on this file: the others go on
            print(f"keraslint: internal error in {result.path}: fix: {type(error).__name__}: {error}", file=sys.stderr)
            failed = True
            continue
        if fixed is None:
            continue
        changed += 1
        would_fix += sum(fixed_codes(result.diagnostics, unsafe).values())
        notebook = isinstance(result.source, NotebookSource)
        for label, before, after in fixed.diffs:
            sys.stdout.writelines(unified_diff(before, after, label, newline_marker=not notebook))
            sys.stdout.write("\n")  # as ruff: a blank line after each
    if failed:
        return EXIT_ERROR, would_fix
    return (EXIT_FINDINGS if changed else EXIT_CLEAN), would_fix


def _fix_files(
    results: list[FileResult], args: argparse.Namespace, resolver: Resolver
) -> tuple[list[FileResult], FixTable]:
    """Fix, write each file (only if it still holds what was checked), then
    lint the written files again; the new results and what was fixed. A
    file that cannot be fixed or written is said on stderr and keeps its
    findings (so the exit status says they remain, as ruff's E902); the
    other files are fixed all the same."""
    from keraslint.fixes import NotFixed, replace_contents

    table: FixTable = {}
    refreshed: list[FileResult] = []
    for result in results:
        try:
            fixed = None if result.path == "-" else _apply(result, args.unsafe_fixes)
        except Exception as error:  # a bug of ours on this file: the others go on
            error_text = f"fix: {type(error).__name__}: {error}"
            refreshed.append(replace(result, internal_errors=[*result.internal_errors, error_text]))
            continue
        if fixed is None:
            refreshed.append(result)
            continue
        try:
            replace_contents(result.path, fixed.data, fixed.original)
        except (NotFixed, OSError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            print(f"keraslint: {result.path}: fixes not applied: {reason}", file=sys.stderr)
            refreshed.append(result)
            continue
        table[result.path] = fixed_codes(result.diagnostics, args.unsafe_fixes)
        refreshed.extend(check_paths([result.path], resolver))
    return refreshed, table


def _fix_stdin(result: FileResult | None, data: bytes, args: argparse.Namespace) -> int:
    """As ruff does: the fixed file on stdout, byte for byte as it came in
    but for the fixed literals (a notebook as JSON), what remains on
    stderr. Whatever is not fixed (an excluded name: ``result`` is None;
    input that cannot be read) is given back unchanged: an editor replaces
    its buffer with what it gets."""
    fixed = None
    internal: list[str] = list(result.internal_errors) if result is not None else []
    if result is not None and result.source is not None:
        try:
            fixed = _apply(result, args.unsafe_fixes, data)
        except Exception as error:  # a bug of ours: the input still goes back
            internal.append(f"fix: {type(error).__name__}: {error}")
    sys.stdout.flush()
    sys.stdout.buffer.write(fixed.data if fixed is not None else data)
    sys.stdout.buffer.flush()
    if result is None:
        return EXIT_CLEAN
    remaining = result.diagnostics
    table: FixTable = {}
    if fixed is not None:
        remaining = [d for d in result.diagnostics if d.fix is None or not (d.fix.safe or args.unsafe_fixes)]
        table[result.path] = fixed_codes(result.diagnostics, args.unsafe_fixes)
    _stdin_report(replace(result, diagnostics=remaining), args, table)
    for error in internal:
        print(f"keraslint: internal error in {result.path}: {error}", file=sys.stderr)
    if internal:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if remaining or (args.exit_non_zero_on_fix and table) else EXIT_CLEAN


def _stdin_report(result: FileResult, args: argparse.Namespace, fixed: FixTable) -> None:
    """The report of ``--fix -``: as ruff, on stderr (or ``-o``), since
    stdout is the code."""
    report = contextlib.nullcontext(sys.stderr) if args.output_file is None else open_output(args.output_file)
    with report as output:
        _printer(args, output).write_report([result], output, fixed)
