"""When a module-level function's body runs, for the module names it reads.

A function may run at any time, so a module-level name read inside one is
known only when it is bound once (``Scope.lookup_global``). Most scripts
are plainer than that: the data is prepared at the top of the module
(``y_train = to_categorical(y_train, 10)`` rebinding the loaded labels), and
``main()`` or ``train()`` is called once, at the bottom, or from ``main()``.
Where every call of the function is known, the name holds what the module
had bound at each call; when all calls agree, that is the binding.

A function's calls are all known when every reference to its name in the
file is a plain call (``train()``), made at module level or from another
such function, never inside a ``lambda``; the function is undecorated and
not a generator (whose body runs when it is iterated, not when called);
and no function declares the name ``global``. Anything else: unknown.
"""

from __future__ import annotations

import ast
import re
import warnings
from typing import Iterable

import libcst as cst

from keraslint.model.resolve import Binding, Scope

# The keyword of a ``global``/``nonlocal`` statement (or the word in a
# comment or a string: then ``ast`` decides). Not ``global_step``.
_DECLARATION = re.compile(r"\b(?:global|nonlocal)\b")

# How many callers deep the calls of a function are followed.
_MAX_DEPTH = 4
# How many call sites of one function are looked at.
_MAX_CALLS = 16


class RunPoints:
    """The module statements at which each module-level function runs."""

    def __init__(
        self,
        module_scope: Scope,
        functions: dict[str, Scope],
        function_nodes: dict[str, cst.FunctionDef],
        calls: Iterable[tuple[cst.Call, Scope, int]],
        in_lambda: set[int],
        generators: set[int],
        code: str,
    ) -> None:
        self.module_scope = module_scope
        self.functions = functions
        self.function_nodes = function_nodes
        # A function's copies specialised to a call share its ``returns``.
        self._names = {id(scope.returns): name for name, scope in functions.items()}
        self._calls: dict[str, list[tuple[Scope, int] | None]] = {}
        for call, scope, index in calls:
            func = call.func
            if type(func) is cst.Name and func.value in functions:
                self._calls.setdefault(func.value, []).append(None if id(call) in in_lambda else (scope, index))
        self.code = code
        self._generator_scopes = generators
        self._references: dict[str, tuple[int, bool]] | None = None
        self._points: dict[str, tuple[int, ...] | None] = {}
        self._bindings: dict[tuple[str, str], Binding | None] = {}
        self._unreadable = False
        # Whether the text declares any name ``global``/``nonlocal`` (None:
        # not looked yet): one search of the file, not one per name.
        self._declares: bool | None = None

    def binding(self, scope: Scope, name: str) -> Binding | None:
        """The module's binding of ``name`` in effect whenever the function
        of ``scope`` runs; None when that is not one known binding."""
        function = self._names.get(id(scope.returns))
        if function is None:
            return None
        key = (function, name)
        if key in self._bindings:
            return self._bindings[key]
        found = self._bindings[key] = self._binding(function, name)
        return found

    def _binding(self, function: str, name: str) -> Binding | None:
        if self._declared(name):
            return None  # a ``global name`` somewhere
        points = self.points(function)
        if not points:
            return None
        found: Binding | None = None
        for index in points:
            binding = self.module_scope.lookup(name, index)
            if binding is None or (found is not None and binding is not found):
                return None
            found = binding
        return found

    def points(self, function: str, depth: int = 0, visiting: frozenset[str] = frozenset()) -> tuple[int, ...] | None:
        """The module statements the function runs at: each call at module
        level, and the points of each function that calls it."""
        if function in self._points:
            return self._points[function]
        if depth > _MAX_DEPTH or function in visiting:
            return None
        found = self._find_points(function, depth, visiting | {function})
        if depth == 0 or found is not None:
            self._points[function] = found
        return found

    def _find_points(self, function: str, depth: int, visiting: frozenset[str]) -> tuple[int, ...] | None:
        node = self.function_nodes.get(function)
        calls = self._calls.get(function, [])
        if node is None or node.decorators or not calls or len(calls) > _MAX_CALLS:
            return None
        if not self._only_called(function, len(calls)) or self._generator(function, node):
            return None  # a reference that is not a call, or a call in dead code
        found: list[int] = []
        for site in calls:
            if site is None:
                return None  # in a ``lambda``: it runs later
            scope, index = site
            if scope is self.module_scope:
                found.append(index)
                continue
            caller = self._names.get(id(scope.returns))
            if caller is None or self.functions[caller] is not scope:
                return None  # from a method, a class body or a nested function
            if caller == function:
                continue  # recursion: it runs at its outer call's points
            outer = self.points(caller, depth + 1, visiting)
            if outer is None:
                return None
            found.extend(outer)
        return tuple(found) if found else None

    def _declared(self, name: str) -> bool:
        """Whether a function may declare ``name`` ``global`` (or nonlocal)."""
        if self._declares is None:
            self._declares = _DECLARATION.search(self.code) is not None
        if not self._declares:
            return False  # the cheap answer for most files
        references = self._referenced()
        return references is None or references.get(name, (0, False))[1]

    def _only_called(self, function: str, calls: int) -> bool:
        """Whether every reference to ``function`` is one of its ``calls``
        plain calls the collector saw. When the name's only occurrences in
        the text are its ``def`` and those calls, no other reference can
        exist (the cheap answer); otherwise ``ast`` counts its uses."""
        # Each occurrence as a word is one as a substring: counting these
        # first answers most files without a regular expression.
        if self.code.count(function) == calls + 1:
            return True
        occurrences = len(re.findall(rf"(?<!\w){re.escape(function)}(?!\w)", self.code))
        if occurrences == calls + 1:
            return True
        references = self._referenced()
        return references is not None and references.get(function, (0, False))[0] == calls

    def _generator(self, function: str, node: cst.FunctionDef) -> bool:
        """Whether the function's own body yields or awaits (the collector
        saw it), or it is ``async``: its body runs later than its calls."""
        return node.asynchronous is not None or id(self.functions[function]) in self._generator_scopes

    def _referenced(self) -> dict[str, tuple[int, bool]] | None:
        """Each name's count of uses, and whether a function declares it
        ``global``; a use that is not the callee of a call counts twice, so
        that it never matches the calls. None for code ``ast`` cannot read."""
        if self._references is None and not self._unreadable:
            try:
                with warnings.catch_warnings():
                    # ``ast`` warns of invalid escapes; keraslint lints quietly.
                    warnings.simplefilter("ignore")
                    tree = ast.parse(self.code)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                self._unreadable = True
                return None
            counts: dict[str, tuple[int, bool]] = {}
            # ``ast.walk`` is breadth first: a call comes before its callee.
            callees: set[int] = set()
            for node in ast.walk(tree):
                kind = type(node)
                if kind is ast.Call:
                    callees.add(id(node.func))  # type: ignore[attr-defined]
                elif kind is ast.Name:
                    count, declared = counts.get(node.id, (0, False))  # type: ignore[attr-defined]
                    plain_call = id(node) in callees and type(node.ctx) is ast.Load  # type: ignore[attr-defined]
                    counts[node.id] = (count + (1 if plain_call else 2), declared)  # type: ignore[attr-defined]
                elif kind is ast.Global or kind is ast.Nonlocal:
                    for name in node.names:  # type: ignore[attr-defined]
                        counts[name] = (counts.get(name, (0, False))[0], True)
            self._references = counts
        return self._references
