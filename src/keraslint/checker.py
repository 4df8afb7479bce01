"""Lint one source: parse once, extract the model, run every rule."""

from __future__ import annotations

import ast
import os
import queue
import sys
import threading
import warnings
import weakref
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from typing import Any, Callable, TypeVar

from keraslint.diagnostics import Diagnostic, Position, Replacement, Span
from keraslint.model.budget import Budget, TooComplex
from keraslint.model.types import FileModel
from keraslint.rules import ALL_RULES, Rule
from keraslint.sources import Source, UnreadableSource, read_bytes
from keraslint.sources.notebook import NotebookSource, parse_notebook
from keraslint.sources.python import PythonSource, decode

SYNTAX_ERROR = "KL001"
UNREADABLE = "KL002"
# Codes that are not rules over the model but still reach the user.
BUILTIN_CODES = {
    SYNTAX_ERROR: "file cannot be parsed as Python",
    UNREADABLE: "file cannot be read or decoded",
}


@dataclass
class FileResult:
    path: str
    source: Source | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)
    # False when the result depends on the machine's speed (the analysis
    # ran out of time, not of steps): another run may finish it.
    cacheable: bool = True


def whole_file() -> Span:
    return Span(Position(1, 0), Position(1, 0))


# Above this much code a file is not analysed: LibCST needs about 0.8 GB
# and 15 s per MB of source, and real Keras scripts are far smaller.
MAX_SOURCE_BYTES = 512 * 1024
# The analysis of one file (extraction and rules, after the parse) may take
# this many steps (a name followed, a layer read, a call looked at...); past
# them the file is reported as too complex and skipped. Steps, not seconds:
# the same file gets the same verdict on every machine. The analysis grows
# about linearly with the code: real Keras code takes under 0.3 steps per
# byte, the densest shape measured (a model built after each of thousands
# of layers) 2.4, i.e. 1.2 M steps at MAX_SOURCE_BYTES
# (``benchmarks/complexity.py``). Only shapes whose analysis grows faster
# than the file (a builder of thousands of lines called thousands of times)
# come near this.
MAX_ANALYSIS_STEPS = 2_000_000
# The backstop for work the steps do not measure: wall-clock seconds of
# analysis, several times what the step budget takes here (about 8 s).
MAX_ANALYSIS_SECONDS = 30.0
# LibCST's native parser recurses on the C stack: parse in a thread with a
# stack far larger than CPython's own limits can need.
_PARSE_STACK_BYTES = 256 * 1024 * 1024
_RECURSION_LIMIT = 50_000
# Python 3.11+ rejects deeper code itself; older parsers are given this limit.
_MAX_DEPTH = 1_000
T = TypeVar("T")


def _deeper_than(tree: ast.AST, limit: int) -> bool:
    """Whether the tree nests deeper than ``limit`` (without recursing)."""
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return False


def _python_syntax_error(text: str) -> tuple[Diagnostic, bool] | None:
    """Python's own verdict first: its wording and position, which users
    know, and its limits, which keep LibCST from deep recursion (a
    10,000-deep expression crashes a native parser's stack, not CPython's).
    The flag says whether the error has a position (a cell to leave out)."""
    try:
        with warnings.catch_warnings():
            # The linted code's own warnings (an invalid escape sequence...)
            # are not keraslint's to print, nor errors under ``-W error``.
            warnings.simplefilter("ignore")
            tree = ast.parse(text)
        if sys.version_info < (3, 11) and _deeper_than(tree, _MAX_DEPTH):
            # Older parsers accept nesting that overflows LibCST's.
            raise RecursionError
    except SyntaxError as error:
        position = Position(error.lineno or 1, max((error.offset or 1) - 1, 0))
        return Diagnostic(SYNTAX_ERROR, Span(position, position), f"syntax error: {error.msg}"), True
    except (RecursionError, MemoryError):
        return Diagnostic(SYNTAX_ERROR, whole_file(), "syntax error: too deeply nested to analyse"), False
    except ValueError as error:  # null bytes, on older Pythons
        return Diagnostic(SYNTAX_ERROR, whole_file(), f"syntax error: {error}"), False
    return None


class _LargeStackThread:
    """A long-lived thread with a large stack that runs the analyses asked
    for by one calling thread.

    A new large-stack thread per file would map its stack afresh each time
    and fault its pages in again on every deep parse (about a fifth of the
    time spent per file); one per calling thread pays that once, and the
    analyses asked for by different threads (the language server lints
    several documents at once) do not wait for each other. The thread ends
    with the calling thread (when this object, held in its thread-local
    storage, is collected).
    """

    def __init__(self) -> None:
        jobs: queue.SimpleQueue[tuple[Callable[[], object], Future[object]] | None] = queue.SimpleQueue()
        self._jobs = jobs
        # The stack size is the process's setting for new threads: set and
        # restored under a lock, so that no other thread is created with it.
        with _stack_size_lock:
            previous = threading.stack_size(_PARSE_STACK_BYTES)
            try:
                thread = threading.Thread(target=_serve, args=(jobs,), name="keraslint-analysis", daemon=True)
                thread.start()
            finally:
                threading.stack_size(previous)
        weakref.finalize(self, jobs.put, None)

    def run(self, work: Callable[[], T]) -> T:
        future: Future[T] = Future()
        self._jobs.put((work, future))  # type: ignore[arg-type]
        return future.result()


def _serve(jobs: queue.SimpleQueue[tuple[Callable[[], object], Future[object]] | None]) -> None:
    while True:
        job = jobs.get()
        if job is None:  # the calling thread has ended
            return
        work, future = job
        try:
            future.set_result(work())
        except BaseException as error:
            future.set_exception(error)
        # Not kept until the next job: the work holds the file's tree.
        del job, work, future


_stack_size_lock = threading.Lock()
_workers = threading.local()
# The recursion limit is the interpreter's: raised while any analysis runs,
# restored when the last one ends.
_limit_lock = threading.Lock()
_analyses_running = 0
_limit_before = 0


def _forget_workers() -> None:
    # A forked child (a --jobs worker) has no copy of its parent's threads,
    # and no analysis of its parent's runs in it.
    global _workers, _stack_size_lock, _limit_lock, _analyses_running
    _workers = threading.local()
    _stack_size_lock = threading.Lock()
    _limit_lock = threading.Lock()
    if _analyses_running:
        sys.setrecursionlimit(_limit_before)
    _analyses_running = 0


os.register_at_fork(after_in_child=_forget_workers)


def _on_a_large_stack(work: Callable[[], T]) -> T:
    """Run ``work`` on a thread with a large stack and a recursion limit to
    match: LibCST's native parser recurses on the C stack and its visitors
    on Python's, as deep as the code is nested."""
    global _analyses_running, _limit_before
    worker: _LargeStackThread | None = getattr(_workers, "worker", None)
    if worker is None:
        worker = _workers.worker = _LargeStackThread()
    with _limit_lock:
        if _analyses_running == 0:
            _limit_before = sys.getrecursionlimit()
            sys.setrecursionlimit(max(_limit_before, _RECURSION_LIMIT))
        _analyses_running += 1
    try:
        return worker.run(work)
    finally:
        with _limit_lock:
            _analyses_running -= 1
            if _analyses_running == 0:
                sys.setrecursionlimit(_limit_before)


def lint_text(
    path: str, text: str, rules: tuple[Rule, ...] = ALL_RULES, keras_version: str | None = None
) -> FileResult:
    """Lint Python code held in memory."""
    return lint_source(PythonSource(path, text), rules, keras_version)


def _reaches_keras(path: str, text: str) -> bool:
    from keraslint.analysis import project

    try:
        return bool(path) and project.reaches_keras(path, text)
    except (OSError, ValueError):
        return False


def lint_source(source: Source, rules: tuple[Rule, ...] = ALL_RULES, keras_version: str | None = None) -> FileResult:
    """Lint one source for the Keras major version ``keras_version`` ("2"
    or "3", from the settings or the project's files); None: unknown, the
    file's own markers (``keras.ops``, ``KERAS_BACKEND``) decide."""
    text = source.text
    result = FileResult(source.path, source)
    # A file that never mentions keras, nor imports a project file that
    # does, cannot define a Keras model: skip the parse altogether.
    if "keras" not in text and not _reaches_keras(source.path, text):
        return result
    size = len(text.encode("utf-8", errors="replace"))
    if size > MAX_SOURCE_BYTES:
        size, limit = size / 1024 / 1024, MAX_SOURCE_BYTES / 1024 / 1024
        result.diagnostics.append(
            Diagnostic(UNREADABLE, whole_file(), f"file too large to analyse ({size:.1f} MB of code; limit {limit} MB)")
        )
        return result

    # In a notebook, a cell that does not parse is reported and left out:
    # the other cells are still checked. Each cell is parsed by itself
    # first, as IPython compiles it: an error is then the cell's own, with
    # its own line numbers, and never spills into the cells after it.
    cells_parse = False
    if isinstance(source, NotebookSource):
        cells_parse = True
        for first, cell in source.cell_texts():
            verdict = _python_syntax_error(cell)
            if verdict is None:
                continue
            cells_parse = False
            error, _ = verdict
            start = Position(error.span.start.line + first - 1, error.span.start.column)
            result.diagnostics.append(replace(error, span=Span(start, start)))
            source = source.without_cell_at(first)
        text = source.text
    # Cells that each parse alone are whole statements, one after another:
    # joined, they parse too, and Python need not read them a second time.
    while not cells_parse and (verdict := _python_syntax_error(text)) is not None:
        error, located = verdict
        result.diagnostics.append(error)
        if not isinstance(source, NotebookSource) or not located:
            return result
        source = source.without_cell_at(error.span.start.line)
        if source.text == text:
            return result
        text = source.text

    # One job on the large stack per file: parse, extract, check. Each
    # handing over of work between threads may wait for a time slice on a
    # busy host.
    return _on_a_large_stack(lambda: _analyse(source, text, rules, result, keras_version))


def _analyse(
    source: Source,
    text: str,
    rules: tuple[Rule, ...],
    result: FileResult,
    keras_version: str | None,
    across_files: bool = True,
) -> FileResult:
    """Parse ``text`` (Python's verdict given), extract the model and run the
    rules: on the large-stack thread. ``across_files``: see through imports
    of the project's own modules (``keraslint.analysis.splice``)."""
    # Imported here so that files without Keras never pay for LibCST.
    import libcst as cst

    from keraslint.model.extract import extract

    shifts: dict[int, tuple[int, int]] = {}
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as error:
        # Python reads a tab in an indentation as a move to the next
        # multiple of 8 columns; LibCST rejects some mixes of tabs and
        # spaces Python accepts. Read the tabs as Python does, then.
        expanded, shifts = _expand_indentation_tabs(text)
        try:
            if not shifts:
                raise
            module = cst.parse_module(expanded)
            text = expanded
        except cst.ParserSyntaxError:
            # Python accepts what LibCST does not (newer syntax): say so.
            message = str(error).splitlines()[0]
            result.diagnostics.append(Diagnostic(SYNTAX_ERROR, whole_file(), f"cannot parse with LibCST: {message}"))
            return result
    across = _across_files(source, text, module, rules, keras_version) if across_files else None
    budget = Budget(MAX_ANALYSIS_STEPS, MAX_ANALYSIS_SECONDS)
    try:
        if across is not None:
            found = across
        else:
            file_model = replace(extract(module, text, budget), describe_line=source.describe_line)
            file_model = _for_version(file_model, keras_version)
            # The first read of a span (a finding's message, or comparing two
            # findings) fills every span of the file with one pass over the
            # tree, which recurses as deep as the code: here, on the large stack.
            found = _placed(text, _resolved(_check_model(file_model, rules, result.internal_errors, budget)))
    except TooComplex as error:
        return _too_complex(result, budget, error)
    except Exception as error:  # a bug of ours on this file: the others go on
        result.internal_errors.append(f"extraction: {type(error).__name__}: {error}")
        return result
    result.diagnostics.extend(found)
    if shifts:
        result.diagnostics = [_unexpand(d, shifts) for d in result.diagnostics]
    # A builder called with the same arguments twice finds the same thing twice.
    result.diagnostics = sorted(_once(result.diagnostics), key=Diagnostic.sort_key)
    return result


def _across_files(
    source: Source, text: str, module: Any, rules: tuple[Rule, ...], keras_version: str | None
) -> list[Diagnostic] | None:
    """The findings of ``module`` analysed with what it imports from the
    project's own files spliced in; None when it imports none, or when that
    analysis does not finish (too complex, a bug of ours): the file is then
    analysed alone, as if its project imports were libraries."""
    from keraslint import across
    from keraslint.analysis import project, splice
    from keraslint.model.extract import extract

    try:
        if not source.path or not project.may_import_locally(source.path, text):
            return None
        spliced = splice.splice(source.path, module)
    except (Exception, RecursionError):  # noqa: BLE001 - unknown, never an error
        return None
    if spliced is None:
        return None
    budget = Budget(MAX_ANALYSIS_STEPS, MAX_ANALYSIS_SECONDS)
    errors: list[str] = []
    try:
        describe = across.describer(spliced, source.path, source.describe_line)
        file_model = replace(extract(spliced.module, spliced.code, budget), describe_line=describe)
        file_model = _for_version(file_model, keras_version)
        vias: dict[int, Span] = {}
        found = _resolved(_check_model(file_model, rules, errors, budget, vias))
        placed = across.place(spliced, source.path, found, vias, lambda path: _alone(path, rules, keras_version))
        found = _placed(text, placed)
    except Exception:  # noqa: BLE001 - TooComplex included: the file alone is still analysed
        return None
    return None if errors else found


# (path, its stamp, rules, version) -> the (code, line) of its findings alone
_alone_found: dict[tuple[object, ...], set[tuple[str, int]]] = {}


def _alone(path: str, rules: tuple[Rule, ...], keras_version: str | None) -> set[tuple[str, int]]:
    """The findings of the project file at ``path`` analysed by itself, as
    (code, line): once per process while the file is unchanged."""
    from keraslint.analysis import project

    parsed = project.parsed(path)
    if parsed is None or parsed.module is None:
        return set()
    key = (path, id(parsed), tuple(rule.CODE for rule in rules), keras_version)
    if key not in _alone_found:
        alone = PythonSource(path, parsed.text)
        result = _analyse(alone, parsed.text, rules, FileResult(path, None), keras_version, across_files=False)
        _alone_found[key] = {(d.code, d.span.start.line) for d in result.diagnostics}
    return _alone_found[key]


def _once(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Each finding once. A model can be read twice (a builder's body on its
    own, and at the call whose ``fit`` shows the targets): the same finding
    then comes with the fix offered as safe by the reading that knows the
    targets, as unsafe or not at all by the other. The safest fix is kept;
    two different fixes for one finding both stay."""
    kept: dict[tuple[object, ...], list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        same = kept.setdefault((diagnostic.code, diagnostic.span, diagnostic.message, diagnostic.hint), [])
        for position, other in enumerate(same):
            if other.fix is None or diagnostic.fix is None or _same_edit(other.fix, diagnostic.fix):
                if _fix_rank(diagnostic) > _fix_rank(other):
                    same[position] = diagnostic
                break
        else:
            same.append(diagnostic)
    return [diagnostic for group in kept.values() for diagnostic in group]


def _same_edit(a: Replacement, b: Replacement) -> bool:
    return [(e.span, e.text) for e in a.edits] == [(e.span, e.text) for e in b.edits]


def _fix_rank(diagnostic: Diagnostic) -> int:
    return 0 if diagnostic.fix is None else 2 if diagnostic.fix.safe else 1


def _for_version(file_model: FileModel, keras_version: str | None) -> FileModel:
    if keras_version is None:
        return replace(file_model, keras_version="3" if file_model.targets_keras3 else None)
    return replace(file_model, keras_version=keras_version, targets_keras3=keras_version == "3")


def _resolved(found: list[Diagnostic]) -> list[Diagnostic]:
    """``found``, its spans filled (see ``Span``): run on the large-stack
    thread, as the fill walks the whole tree."""
    for diagnostic in found:
        diagnostic.span.start  # noqa: B018 - the read fills the span
        for edit in diagnostic.fix.edits if diagnostic.fix is not None else ():
            edit.span.start  # noqa: B018
        for span, _ in diagnostic.related:
            span.start  # noqa: B018
        for span, _ in diagnostic.trace:
            span.start  # noqa: B018
        for span in diagnostic.subject or ():
            if span is not None:
                span.start  # noqa: B018
    return found


def _placed(text: str, found: list[Diagnostic]) -> list[Diagnostic]:
    """``found``, each argument edit placed in ``text`` as the exact edit it
    makes (``keraslint.argument_edits``), each fix that reads a name kept
    only where ``text`` binds it as needed
    (``keraslint.loss_object_fix``); the others dropped."""
    from keraslint import argument_edits, loss_object_fix

    placed = []
    tree: Any = None
    for diagnostic in found:
        fix = diagnostic.fix
        if fix is not None and fix.argument is not None:
            diagnostic = replace(diagnostic, fix=argument_edits.place(text, fix))
        elif fix is not None and fix.requires is not None:
            if tree is None:
                tree = loss_object_fix.parsed(text) or False  # read once per file
            diagnostic = replace(diagnostic, fix=loss_object_fix.place(text, fix, tree) if tree else None)
        placed.append(diagnostic)
    return placed


def _too_complex(result: FileResult, budget: Budget, error: TooComplex) -> FileResult:
    """The file ran out of analysis budget: one KL002 line, no finding of its
    own (what was found so far may be contradicted by what was not read)."""
    result.diagnostics.append(Diagnostic(UNREADABLE, whole_file(), f"file too complex to analyse ({error}); skipped"))
    result.cacheable = not budget.timed_out
    return result


def _expand_indentation_tabs(text: str) -> tuple[str, dict[int, tuple[int, int]]]:
    """``text`` with the tabs of each line's indentation expanded as Python's
    tokenizer reads them, and for each changed line (1-based) the length of
    its indentation before and after."""
    shifts: dict[int, tuple[int, int]] = {}
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            expanded = indent.expandtabs(8)
            lines[number - 1] = expanded + line[len(indent) :]
            shifts[number] = (len(indent), len(expanded))
    return "\n".join(lines), shifts


def _unexpand(diagnostic: Diagnostic, shifts: dict[int, tuple[int, int]]) -> Diagnostic:
    """A diagnostic found in the tab-expanded text, placed in the file as it
    is. Its fix is dropped: it was computed on text the file does not hold."""

    def back(position: Position) -> Position:
        if position.line not in shifts:
            return position
        before, after = shifts[position.line]
        column = position.column - (after - before) if position.column >= after else min(position.column, before)
        return Position(position.line, column)

    span = Span(back(diagnostic.span.start), back(diagnostic.span.end))
    trace = tuple((Span(back(step.start), back(step.end)), text) for step, text in diagnostic.trace)
    return replace(diagnostic, span=span, fix=None, trace=trace)


def _check_model(
    file_model: FileModel,
    rules: tuple[Rule, ...],
    errors: list[str],
    budget: Budget | None = None,
    vias: dict[int, Span] | None = None,
) -> list[Diagnostic]:
    """Every rule over the file; a builder's model as one call makes it
    (``build_model(1)``) apart, so that what its arguments cause is
    reported once, naming the call (put in ``vias``, by the finding's id)."""
    budget = budget if budget is not None else Budget()
    general = [model for model in file_model.models if model.via is None]
    found = _run_rules(replace(file_model, models=tuple(general)), rules, errors, budget)
    seen = {(d.code, d.span) for d in found}
    # (code, span) -> the calls that cause it, in order -> what was found
    by_call: dict[tuple[str, Span], dict[str, tuple[Diagnostic, Span]]] = {}
    for model in file_model.models:
        if model.via is None:
            continue
        alone = replace(file_model, models=(model,), loss_strings=(), activation_strings=(), single_unit_softmax=())
        called = ""  # named only if a rule finds something: naming reads the call's span
        for diagnostic in _run_rules(alone, rules, errors, budget):
            if (diagnostic.code, diagnostic.span) in seen:
                continue
            if not called:
                where = file_model.where(model.via)
                short = len(model.via_source) <= 60 and "\n" not in model.via_source
                called = f"`{model.via_source}` at {where}" if short else f"the call at {where}"
            calls = by_call.setdefault((diagnostic.code, diagnostic.span), {})
            if called not in calls or len(diagnostic.message) > len(calls[called][0].message):
                calls[called] = (diagnostic, model.via)  # for one call, the one that says more (its loss)
    for calls in by_call.values():
        called, (diagnostic, via) = next(iter(calls.items()))
        more = f" and {len(calls) - 1} other call(s)" if len(calls) > 1 else ""
        found.append(replace(diagnostic, message=f"{diagnostic.message} (for {called}{more})"))
        if vias is not None:
            vias[id(found[-1])] = via
    return found


def _run_rules(file_model: FileModel, rules: tuple[Rule, ...], errors: list[str], budget: Budget) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for rule in rules:
        budget.spend(len(file_model.models))
        try:
            for diagnostic in rule.check(file_model):
                budget.spend()
                found.append(diagnostic)
        except TooComplex:
            raise
        except Exception as error:  # one rule's bug must not stop the others
            errors.append(f"{rule.CODE}: {type(error).__name__}: {error}")
    budget.check_clock()
    return found


def unreadable(path: str, error: UnreadableSource) -> FileResult:
    """A file that cannot be read or decoded: one KL002 line."""
    return FileResult(path, None, [Diagnostic(UNREADABLE, whole_file(), f"cannot read file: {error}")])


def read_data(path: str, data: bytes) -> Source | None:
    """The source in ``data``, a ``.py`` file or a notebook by ``path``'s
    name; None for a notebook in another language."""
    if path.endswith(".ipynb"):
        return parse_notebook(path, data)
    return PythonSource(path, decode(data))


def lint_data(
    path: str, data: bytes, rules: tuple[Rule, ...] = ALL_RULES, keras_version: str | None = None
) -> FileResult:
    try:
        source = read_data(path, data)
    except UnreadableSource as error:
        return unreadable(path, error)
    if source is None:
        return FileResult(path, None)
    return lint_source(source, rules, keras_version)


def lint_path(path: str, rules: tuple[Rule, ...] = ALL_RULES, keras_version: str | None = None) -> FileResult:
    try:
        data = read_bytes(path)
    except UnreadableSource as error:
        return unreadable(path, error)
    return lint_data(path, data, rules, keras_version)
