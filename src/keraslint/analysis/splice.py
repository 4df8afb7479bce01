"""Seeing through imports of the project's own modules.

The linted file is analysed with the definitions it imports from project
files placed before its own code, as if it had written them itself: the
engine then evaluates an imported builder, helper or constant with the
machinery it has for the file's own (there is no second evaluator). The
combined tree is

    the file's header comments
    the prelude: from each imported module, the top-level statements that
        bind the imported names and the names those statements read
        (imports, ``def``, ``class``, plain assignments), in the module's
        order; a module they import from the project the same way, up to
        ``MAX_DEPTH`` modules deep
    the file's statements, with each resolved ``from m import f [as g]``
        replaced by a statement spanning the same lines that binds what the
        prelude does not (``g = f``), and each ``m.f`` of a resolved
        ``import m`` written ``m_f`` (the same length), bound in the prelude

so that every line of the file keeps its number shifted by the prelude's
length, and each column its column: ``Spliced.line`` maps a line back.

Precision first: an import is only spliced when each name it takes is bound
at the module's top level by statements the prelude can hold, and nothing
else there may change it (a name also bound or touched in an ``if``,
``for``, ``try`` or ``with`` block, by an augmented, item or attribute
assignment, or declared ``global`` in a function, is unknown). A name the
file binds differently from the prelude, a cycle (a imports b imports a), a
module past the depth limit and a module that does not parse leave the
import as it was: unknown, as in a file analysed alone.
"""

from __future__ import annotations

import ast
import os
import threading
from dataclasses import dataclass, field

import libcst as cst

from keraslint.analysis import project

# How many modules deep imports are followed (the linted file's own
# imports are depth 1).
MAX_DEPTH = 3
# The most lines of other modules' code put before one file.
MAX_PRELUDE_LINES = 5_000
_EMPTY = cst.Module(body=[])


class _Unknown(Exception):
    """An import that cannot be spliced: it stays unknown."""


def _code(node: cst.CSTNode) -> str:
    return _EMPTY.code_for_node(node)


def _target_names(target: cst.BaseExpression) -> set[str] | None:
    """The names an assignment target binds; None for an item or
    attribute target (a change to an object, not a binding)."""
    if isinstance(target, cst.Name):
        return {target.value}
    if isinstance(target, (cst.Tuple, cst.List)):
        found: set[str] = set()
        for element in target.elements:
            inner = _target_names(element.value.value if isinstance(element, cst.StarredElement) else element.value)
            if inner is None:
                return None
            found |= inner
        return found
    return None


def _import_names(node: cst.Import | cst.ImportFrom) -> set[str]:
    if isinstance(node.names, cst.ImportStar):
        return set()
    found = set()
    for alias in node.names:
        if alias.asname is not None:
            found.add(_code(alias.asname.name))
        elif isinstance(node, cst.Import):
            found.add(_code(alias.name).split(".")[0])
        else:
            found.add(_code(alias.name))
    return found


class _Reads(cst.CSTVisitor):
    """Every name an expression or statement reads (an over-approximation:
    parameters and locals count too)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)
        return False

    def visit_ImportAlias(self, node: cst.ImportAlias) -> bool:
        return False


class _Stores(cst.CSTVisitor):
    """The names a statement binds in the scope it runs in (``deep``: in
    any scope, parameters included), and the names declared ``global``."""

    def __init__(self, deep: bool) -> None:
        super().__init__()
        self.deep = deep
        self.names: set[str] = set()
        self.globals: set[str] = set()
        # Names whose object an item or attribute assignment changes.
        self.changed: set[str] = set()

    def _target(self, target: cst.BaseExpression) -> None:
        names = _target_names(target)
        if names is not None:
            self.names |= names
            return
        base = target
        while isinstance(base, (cst.Attribute, cst.Subscript)):
            base = base.value
        if isinstance(base, cst.Name):
            self.changed.add(base.value)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.names.add(node.name.value)
        globals_ = _Globals()
        node.body.visit(globals_)
        self.globals |= globals_.names
        return self.deep

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.names.add(node.name.value)
        return self.deep

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return self.deep

    def visit_Param(self, node: cst.Param) -> None:
        self.names.add(node.name.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._target(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._target(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._target(node.target)
        if isinstance(node.target, cst.Name):
            self.changed.add(node.target.value)

    def visit_For(self, node: cst.For) -> None:
        self._target(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        if isinstance(node.name, (cst.Name, cst.Tuple, cst.List)):
            self._target(node.name)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._target(node.target)

    def visit_Import(self, node: cst.Import) -> None:
        self.names |= _import_names(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self.names |= _import_names(node)

    def visit_Del(self, node: cst.Del) -> None:
        names = _target_names(node.target)
        self.names |= names or set()


class _Globals(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_Global(self, node: cst.Global) -> None:
        self.names.update(item.name.value for item in node.names)


def _stores(node: cst.CSTNode, deep: bool = False) -> _Stores:
    visitor = _Stores(deep)
    node.visit(visitor)
    return visitor


def _reads(node: cst.CSTNode) -> set[str]:
    visitor = _Reads()
    node.visit(visitor)
    return visitor.names


@dataclass
class _Statement:
    node: cst.BaseStatement
    # "keep": a definition the prelude may hold; "other": code that runs.
    kind: str
    binds: set[str]
    reads: set[str]
    # The line its code (leading comments included) starts on.
    line: int
    # Its code without leading comments: two statements binding one name
    # with the same code agree.
    code: str


@dataclass
class _Module:
    """A dependency's top level, read once."""

    path: str
    statements: list[_Statement]
    by_name: dict[str, list[int]]
    uncertain: set[str]


def _keepable(node: cst.BaseStatement) -> bool:
    if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
        return True
    if not isinstance(node, cst.SimpleStatementLine):
        return False
    for small in node.body:
        if isinstance(small, cst.ImportFrom) and isinstance(small.names, cst.ImportStar):
            return False
        if isinstance(small, (cst.Import, cst.ImportFrom)):
            continue
        if isinstance(small, cst.Assign) and all(_target_names(t.target) is not None for t in small.targets):
            continue
        if isinstance(small, cst.AnnAssign) and small.value is not None and isinstance(small.target, cst.Name):
            continue
        return False
    return True


def _docstring(node: cst.BaseStatement) -> bool:
    return (
        isinstance(node, cst.SimpleStatementLine)
        and len(node.body) == 1
        and isinstance(node.body[0], cst.Expr)
        and isinstance(node.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _read_module(parsed: project.Parsed) -> _Module | None:
    module = parsed.module
    if module is None:
        return None
    statements: list[_Statement] = []
    line = 1 + len(module.header)
    stored_elsewhere: set[str] = set()
    read_elsewhere: set[str] = set()
    uncertain: set[str] = set()
    for node in module.body:
        text = module.code_for_node(node)
        kind = "keep" if _keepable(node) else "other"
        stores = _stores(node)
        uncertain |= stores.globals | stores.changed
        if kind == "other" and not _docstring(node):
            stored_elsewhere |= stores.names
            read_elsewhere |= _reads(node)
        bare = node.with_changes(leading_lines=()) if hasattr(node, "leading_lines") else node
        statements.append(_Statement(node, kind, stores.names, _reads(node), line, _code(bare).strip()))
        line += text.count("\n")
    by_name: dict[str, list[int]] = {}
    for index, statement in enumerate(statements):
        if statement.kind == "keep":
            for name in statement.binds:
                by_name.setdefault(name, []).append(index)
    # A constant another statement may change, and any name bound again
    # by code that runs (in a block, a loop...), is not known.
    assigned = {
        name
        for statement in statements
        if statement.kind == "keep" and isinstance(statement.node, cst.SimpleStatementLine)
        for small in statement.node.body
        if isinstance(small, (cst.Assign, cst.AnnAssign))
        for name in _stores(small).names
    }
    uncertain |= stored_elsewhere | (assigned & read_elsewhere)
    return _Module(parsed.path, statements, by_name, uncertain)


_modules: dict[str, tuple[project.Parsed, _Module | None]] = {}
_modules_lock = threading.Lock()


def _module(path: str) -> _Module | None:
    parsed = project.parsed(path)
    if parsed is None:
        return None
    with _modules_lock:
        known = _modules.get(path)
    if known is not None and known[0] is parsed:
        return known[1]
    read = _read_module(parsed)
    with _modules_lock:
        _modules[path] = (parsed, read)
    return read


@dataclass
class _Piece:
    node: cst.BaseStatement
    path: str
    line: int


@dataclass
class _Prelude:
    pieces: list[_Piece] = field(default_factory=list)
    # name -> the code of the statement that binds it
    bound: dict[str, str] = field(default_factory=dict)
    taken: set[tuple[str, int]] = field(default_factory=set)

    def add(self, node: cst.BaseStatement, path: str, line: int, binds: set[str], code: str) -> None:
        for name in binds:
            if self.bound.get(name, code) != code:
                raise _Unknown(name)
        for name in binds:
            self.bound[name] = code
        self.pieces.append(_Piece(node, path, line))


def _submodule(package_init: str, name: str) -> str | None:
    """``pkg/name.py`` (or a package) for ``from pkg import name`` when
    ``pkg/__init__.py`` does not bind ``name`` itself."""
    module = _module(package_init) if os.path.exists(package_init) else None
    if module is not None and name in module.by_name:
        return None
    if module is not None and name in module.uncertain:
        raise _Unknown(name)
    return project.resolve(os.path.join(os.path.dirname(package_init), "__init__.py"), "." + name, 1)


def _from_target(importer: str, node: cst.ImportFrom) -> tuple[str | None, str | None]:
    """(the module file ``from X import`` names, the package directory's
    ``__init__.py`` path when X may be a package)."""
    level = len(node.relative)
    module = _code(node.module) if node.module is not None else ""
    if module:
        found = project.resolve(importer, module, level)
        if found is None:
            return None, None
        return found, found if found.endswith("__init__.py") else None
    directory = project.package_directory(importer, level)
    if directory is None:
        return None, None
    init = os.path.join(directory, "__init__.py")
    return (os.path.realpath(init) if os.path.isfile(init) else None), init


class _Splicer:
    def __init__(self, importer: str) -> None:
        self.importer = os.path.realpath(importer)

    def gather(self, path: str, names: set[str], depth: int, stack: tuple[str, ...], into: _Prelude) -> None:
        """Put in ``into`` what the module at ``path`` needs to bind
        ``names``; ``_Unknown`` when it cannot."""
        if depth > MAX_DEPTH or path in stack:
            raise _Unknown(path)
        module = _module(path)
        if module is None:
            raise _Unknown(path)
        needed: set[str] = set()
        pending = list(names)
        while pending:
            name = pending.pop()
            if name in needed:
                continue
            if name in module.uncertain or name not in module.by_name:
                if name in names or name in module.uncertain:
                    raise _Unknown(name)
                continue
            needed.add(name)
            for index in module.by_name[name]:
                pending.extend(module.statements[index].reads - needed)
        chosen = sorted({index for name in needed for index in module.by_name[name]})
        for index in chosen:
            if (path, index) in into.taken:
                continue
            into.taken.add((path, index))
            statement = module.statements[index]
            node = statement.node
            binds = statement.binds
            if isinstance(node, cst.SimpleStatementLine) and any(
                isinstance(small, (cst.Import, cst.ImportFrom)) for small in node.body
            ):
                spliced: set[str] = set()
                node = self._imports_in(node, path, needed, depth, (*stack, path), into, spliced)
                binds = binds - spliced
            into.add(node, path, statement.line, binds, statement.code)

    def _imports_in(
        self,
        line: cst.SimpleStatementLine,
        path: str,
        needed: set[str],
        depth: int,
        stack: tuple[str, ...],
        into: _Prelude,
        spliced: set[str],
    ) -> cst.SimpleStatementLine:
        """An import line of a dependency with its project imports spliced
        (their definitions put in ``into`` first, the names they bind added
        to ``spliced``)."""
        body: list[cst.BaseSmallStatement] = []
        for small in line.body:
            if not isinstance(small, cst.ImportFrom) or isinstance(small.names, cst.ImportStar):
                body.append(small)
                continue
            taken = _import_names(small)
            if not taken & needed:
                body.append(small)
                continue
            kept, aliases, names = self.splice_from(path, small, depth + 1, stack, into)
            spliced |= names - {text.partition(" = ")[0] for text in aliases}
            body.extend(cst.parse_statement(text).body[0] for text in kept + aliases)  # type: ignore[misc]
        if not body:
            body = [cst.Expr(cst.Tuple([]))]
        return line.with_changes(body=[small.with_changes(semicolon=cst.MaybeSentinel.DEFAULT) for small in body])

    def splice_from(
        self, importer: str, node: cst.ImportFrom, depth: int, stack: tuple[str, ...], into: _Prelude
    ) -> tuple[list[str], list[str], set[str]]:
        """``from X import a, b as c`` seen from ``importer``: the imports
        to keep as they are (modules, whose attributes stay unknown: code),
        the assignments for the aliases and the names spliced, its
        definitions put in ``into``; ``_Unknown`` when X is a project module
        that cannot be read."""
        target, package = _from_target(importer, node)
        assert not isinstance(node.names, cst.ImportStar)
        if target is None and package is None:
            return [_code(node)], [], set()
        kept: list[str] = []
        aliases: list[str] = []
        spliced: set[str] = set()
        from_module: dict[str, set[str]] = {}
        for alias in node.names:
            name = _code(alias.name)
            bound = _code(alias.asname.name) if alias.asname is not None else name
            submodule = _submodule(package, name) if package is not None else None
            if submodule is not None or target is None:
                kept.append(_kept(node, alias))  # a module object: its attributes stay unknown
                continue
            from_module.setdefault(target, set()).add(name)
            spliced.add(bound)
            if bound != name:
                aliases.append(f"{bound} = {name}")
        for path, names in from_module.items():
            self.gather(path, names, depth, stack, into)
        return kept, aliases, spliced


def _kept(node: cst.ImportFrom, alias: cst.ImportAlias) -> str:
    module = _code(node.module) if node.module is not None else ""
    return f"from {'.' * len(node.relative)}{module} import {_code(alias.name)}" + (
        f" as {_code(alias.asname.name)}" if alias.asname is not None else ""
    )


@dataclass(frozen=True)
class _Region:
    start: int  # the first combined line of the piece
    lines: int
    path: str
    line: int  # its first line in ``path``


@dataclass
class Spliced:
    """The combined tree and how its lines map back."""

    module: cst.Module
    code: str
    header: int
    prelude: int
    regions: tuple[_Region, ...]
    # The names written for ``m.f`` (``m_f``) -> ``m.f``, to say in messages.
    written: dict[str, str]
    # The calls in the file of what was spliced in, per module path: the
    # original (line, column, end line, end column) of each.
    calls: dict[str, list[tuple[int, int, int, int]]]

    def origin(self, line: int) -> tuple[str, int] | None:
        """(other file, its line) for a line of the prelude; None for a
        line of the linted file."""
        if line <= self.header or line > self.header + self.prelude:
            return None
        for region in self.regions:
            if region.start <= line < region.start + region.lines:
                return region.path, region.line + line - region.start
        return None

    def line(self, line: int) -> int:
        """A combined line of the linted file -> its line in the file."""
        return line if line <= self.header else line - self.prelude

    def unwritten(self, text: str) -> str:
        for written, dotted in self.written.items():
            text = text.replace(written, dotted)
        return text


def _replacement(small: cst.BaseSmallStatement, parts: list[str]) -> list[cst.BaseSmallStatement]:
    """Small statements saying ``parts`` (code, ``()`` for none) over the
    same number of lines as ``small``: the extra line breaks go inside the
    last one's parentheses."""
    breaks = _code(small).count("\n")
    parts = parts or ["()"]
    last = parts[-1]
    if breaks:
        if last == "()":
            last = "(" + "\n" * breaks + ")"
        elif last.startswith(("from ", "import ")):
            head, _, names = last.partition(" import ")
            last = f"{head} import ({names}" + "\n" * breaks + ")"
        else:
            name, _, value = last.partition(" = ")
            last = f"{name} = ({value}" + "\n" * breaks + ")"
    statement = cst.parse_statement("; ".join([*parts[:-1], last]) + "\n")
    assert isinstance(statement, cst.SimpleStatementLine)
    return list(statement.body)


def splice(importer: str, module: cst.Module) -> Spliced | None:
    """``module`` (the file at ``importer``) with what it imports from the
    project spliced in; None when it imports nothing the project defines
    that can be read."""
    splicer = _Splicer(importer)
    me = splicer.importer
    # What the file binds at its top level, by name: the code of each
    # statement (one name bound by the file and the prelude alike is fine).
    own: dict[str, set[str]] = {}
    everywhere: set[str] = set()
    # Names bound in a function or class of the file (parameters included).
    deep: set[str] = set()
    for node in module.body:
        stores = _stores(node)
        for name in stores.names | stores.globals:
            own.setdefault(name, set()).add(_code(node.with_changes(leading_lines=())).strip())
        inner_stores = _stores(node, deep=True)
        inner = inner_stores.names
        deep |= inner - stores.names
        # ``m.X = 1``, ``m.X += 1``: a module the file changes is not followed.
        deep |= inner_stores.changed
        everywhere |= inner | _reads(node)
    prelude = _Prelude()
    body = list(module.body)
    written: dict[str, str] = {}
    imported: dict[str, str] = {}  # a name the file calls -> the module it comes from
    rewrites: dict[str, str] = {}
    for position, node in enumerate(body):
        if not isinstance(node, cst.SimpleStatementLine):
            continue
        smalls: list[cst.BaseSmallStatement] = []
        changed = False
        for small in node.body:
            if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                done = _splice_import(splicer, small, me, prelude, own)
                if done is not None:
                    parts, names = done
                    smalls.extend(_replacement(small, parts))
                    imported.update(names)
                    changed = True
                    continue
            if isinstance(small, (cst.Import, cst.ImportFrom)):
                for prefix, path in _modules_imported(me, small):
                    _module_uses(
                        splicer, prefix, path, module, me, prelude, own, everywhere, deep, rewrites, written, imported
                    )
            smalls.append(small)
        if changed:
            body[position] = node.with_changes(
                body=[s.with_changes(semicolon=cst.MaybeSentinel.DEFAULT) for s in smalls[:-1]]
                + [smalls[-1].with_changes(semicolon=node.body[-1].semicolon)]
            )
    if not prelude.pieces:
        return None
    if rewrites:
        body = [node.visit(_Rewrite(rewrites)) for node in body]  # type: ignore[misc]
    combined = module.with_changes(body=[*(piece.node for piece in prelude.pieces), *body])
    header = len(module.header)
    regions = []
    start = header + 1
    for piece in prelude.pieces:
        lines = combined.code_for_node(piece.node).count("\n")
        regions.append(_Region(start, lines, piece.path, piece.line))
        start += lines
    length = start - header - 1
    code = combined.code
    if length > MAX_PRELUDE_LINES or code.count("\n") != module.code.count("\n") + length:
        return None
    return Spliced(combined, code, header, length, tuple(regions), written, _calls(module.code, imported, written))


def _splice_import(
    splicer: _Splicer, small: cst.ImportFrom, me: str, prelude: _Prelude, own: dict[str, set[str]]
) -> tuple[list[str], dict[str, str]] | None:
    """The parts replacing a ``from X import ...`` of the linted file and the
    names it brings (name -> module path); None to leave it as it is."""
    target, package = _from_target(me, small)
    if target is None and package is None:
        return None
    attempt = _Prelude(list(prelude.pieces), dict(prelude.bound), set(prelude.taken))
    try:
        kept, aliases, spliced = splicer.splice_from(me, small, 1, (me,), attempt)
    except (_Unknown, RecursionError):
        return None
    if len(attempt.pieces) == len(prelude.pieces):
        return None
    taken = _import_names(small)
    mine = set()
    for text in aliases:
        mine.add(text.partition(" = ")[0])
    for text in kept:
        mine |= _import_names(cst.parse_statement(text).body[0])  # type: ignore[arg-type]
    # The prelude binds names the file must not bind otherwise.
    for name, code in attempt.bound.items():
        if name in prelude.bound:
            continue
        others = own.get(name, set()) - {_code(small).strip()} if name in taken else own.get(name, set())
        if others and others != {code}:
            return None
        if name in mine:
            return None
    prelude.pieces, prelude.bound, prelude.taken = attempt.pieces, attempt.bound, attempt.taken
    return kept + aliases, {name: target or "" for name in spliced}


def _modules_imported(me: str, small: cst.Import | cst.ImportFrom) -> list[tuple[str, str]]:
    """(the name the file reads it by, its path) for each project module
    ``small`` binds: ``import m``, ``import a.b as m``, ``from . import m``."""
    found = []
    if isinstance(small, cst.Import):
        for alias in small.names:
            dotted = _code(alias.name)
            path = project.resolve(me, dotted)
            if path is not None:
                found.append((_code(alias.asname.name) if alias.asname is not None else dotted, path))
        return found
    if isinstance(small.names, cst.ImportStar):
        return found
    _, package = _from_target(me, small)
    if package is None:
        return found
    for alias in small.names:
        name = _code(alias.name)
        try:
            path = _submodule(package, name)
        except _Unknown:
            continue
        if path is not None:
            found.append((_code(alias.asname.name) if alias.asname is not None else name, path))
    return found


def _module_uses(
    splicer: _Splicer,
    prefix: str,
    path: str,
    module: cst.Module,
    me: str,
    prelude: _Prelude,
    own: dict[str, set[str]],
    everywhere: set[str],
    deep: set[str],
    rewrites: dict[str, str],
    written: dict[str, str],
    imported: dict[str, str],
) -> None:
    """A project module the file reads as ``prefix``: each ``prefix.f`` the
    file reads is written ``prefix_f`` and bound to ``f`` in the prelude."""
    head = prefix.split(".")[0]
    # A module name bound again anywhere (a parameter, a loop), or whose
    # attributes the file assigns (``m.NUM_CLASSES = 1``), is not followed.
    if len(own.get(head, ())) > 1 or head in deep:
        return
    attributes = _Attributes(prefix)
    module.visit(attributes)
    for attribute in sorted(attributes.found):
        written_name = prefix.replace(".", "_") + "_" + attribute
        if written_name in everywhere or written_name in own:
            continue
        attempt = _Prelude(list(prelude.pieces), dict(prelude.bound), set(prelude.taken))
        try:
            splicer.gather(path, {attribute}, 1, (me,), attempt)
            attempt.add(
                cst.parse_statement(f"{written_name} = {attribute}\n"),
                path,
                1,
                {written_name},
                f"{written_name} = {attribute}",
            )
        except (_Unknown, RecursionError):
            continue
        if any(name not in prelude.bound and own.get(name) for name in attempt.bound):
            continue
        # The alias line maps to the definition it names.
        definition = next((piece for piece in reversed(attempt.pieces[:-1]) if piece.path == path), None)
        attempt.pieces[-1].line = definition.line if definition else 1
        prelude.pieces, prelude.bound, prelude.taken = attempt.pieces, attempt.bound, attempt.taken
        rewrites[f"{prefix}.{attribute}"] = written_name
        written[written_name] = f"{prefix}.{attribute}"
        imported[written_name] = path


def _dotted(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        inner = _dotted(node.value)
        return None if inner is None else f"{inner}.{node.attr.value}"
    return None


class _Attributes(cst.CSTVisitor):
    """The ``f`` of each ``prefix.f`` written without spaces."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix
        self.found: set[str] = set()

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        dotted = _dotted(node)
        if dotted is not None and dotted.rpartition(".")[0] == self.prefix and _code(node) == dotted:
            self.found.add(node.attr.value)
            return False
        return True


class _Rewrite(cst.CSTTransformer):
    def __init__(self, rewrites: dict[str, str]) -> None:
        super().__init__()
        self.rewrites = rewrites

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        dotted = _dotted(updated_node)
        written = self.rewrites.get(dotted) if dotted is not None else None
        if written is not None and _code(updated_node) == dotted:
            return updated_node.attr.with_changes(value=written, lpar=updated_node.lpar, rpar=updated_node.rpar)
        return updated_node


def _calls(code: str, imported: dict[str, str], written: dict[str, str]) -> dict[str, list[tuple[int, int, int, int]]]:
    """Where the file calls each spliced name, per module it comes from."""
    found: dict[str, list[tuple[int, int, int, int]]] = {}
    if not imported:
        return found
    by_text = {written.get(name, name): path for name, path in imported.items()}
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return found
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        text = ast.unparse(node.func) if isinstance(node.func, (ast.Name, ast.Attribute)) else ""
        if text in by_text and node.end_lineno is not None and node.end_col_offset is not None:
            found.setdefault(by_text[text], []).append(
                (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
            )
    return found
