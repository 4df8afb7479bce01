"""The value engine's view of a file: what names, attributes and calls hold.

``ProgramValues`` is the ``Environment`` of ``analysis.evaluate`` over the
scopes the collector builds (``model/resolve.py``): a name is the value its
binding in effect was assigned (evaluated where it was assigned, once per
binding), ``self.x`` the value its class assigned once, ``CFG.N`` a class's
own constant, ``Config(units=4)`` an instance of a ``@dataclass``.

A container or instance can change after it is assigned. The collector
records every statement that may change one (``Mutations``): an item or
attribute assigned, a method called on it that is not known to leave it
alone (``.update()``, ``.pop()``, ``.append()``...), the object passed to a
function that is not a known pure builtin, a ``global`` declaration, or an
alias to it (``c = CONFIG``, ``for d in CONFIGS``) through which it may
change unseen. A mutable value read after such a statement is unknown;
constants (ints, strings, tuples of them) cannot change and stay known.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import libcst as cst

from keraslint.analysis import values as v
from keraslint.analysis.evaluate import Evaluator
from keraslint.analysis.values import UNKNOWN, Const, Instance, Mapping, Sequence, Value
from keraslint.knowledge import arrays, datasets, namespaces, readers
from keraslint.model.arguments import argument as _argument
from keraslint.model.budget import Budget
from keraslint.model.bunches import newsgroups_bunch, newsgroups_loader
from keraslint.model.resolve import Binding, Kind, Scope, keras_path, qualified_name
from keraslint.model.shapes import array_shape
from keraslint.model.walk import walk

# Functions that neither change nor keep the objects passed to them, so
# passing a container to them is no mutation (Python's builtins).
PURE_FUNCTIONS = frozenset(
    {
        "print",
        "len",
        "str",
        "repr",
        "sorted",
        "isinstance",
        "issubclass",
        "type",
        "int",
        "float",
        "bool",
        "min",
        "max",
        "sum",
        "abs",
        "list",
        "tuple",
        "set",
        "frozenset",
        "dict",
        "range",
        "id",
        "hash",
        "format",
        "round",
        "any",
        "all",
        "hasattr",
    }
)
# Methods that do not change the object they are called on.
PURE_METHODS = frozenset(
    {
        "get",
        "keys",
        "values",
        "items",
        "copy",
        "index",
        "count",
        "lower",
        "upper",
        "strip",
        "lstrip",
        "rstrip",
        "replace",
        "split",
        "startswith",
        "endswith",
        "format",
        "join",
    }
)


# Methods that return an object held inside their receiver.
_RETURNS_PART = frozenset({"get", "values", "items", "setdefault", "pop", "popitem"})


# LibCST's node classes are final, and ``isinstance`` on them goes through
# the ABC machinery when it fails: the hot paths compare types.
_ACCESS = frozenset({cst.Subscript, cst.Attribute})
_CONTAINERS = frozenset({cst.Tuple, cst.List, cst.Set, cst.Dict})
_STARRED = frozenset({cst.StarredElement, cst.StarredDictElement})
_REFERENCES = frozenset({cst.Name, cst.Subscript, cst.Attribute})
# Arguments that cannot share an object with any name.
_LITERALS = frozenset({cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.ConcatenatedString})


def root_name(node: cst.BaseExpression) -> str | None:
    """The name an access chain starts from: ``CONFIG`` in
    ``CONFIG.get("model")["units"]``."""
    while True:
        kind = type(node)
        if kind in _ACCESS:
            node = node.value  # type: ignore[attr-defined]
        elif kind is cst.Call:
            node = node.func  # type: ignore[attr-defined]
        else:
            break
    return node.value if type(node) is cst.Name else None  # type: ignore[attr-defined]


def alias_parts(node: cst.BaseExpression | None) -> list[tuple[cst.BaseExpression, bool]]:
    """The parts of an assigned value that may be an object reachable from a
    name (``c = CONFIG``, ``m = CONFIG["model"]``, ``pair = [CONFIG, x]``),
    each with whether only its elements are shared (``{**BASE, "lr": 1}``
    and ``[*LAYERS]`` copy the container, not what it holds)."""
    found: list[tuple[cst.BaseExpression, bool]] = []
    stack = [node] if node is not None else []
    while stack:
        part = stack.pop()
        kind = type(part)
        if kind in _CONTAINERS:
            for element in part.elements:  # type: ignore[union-attr]
                if type(element) in _STARRED:
                    if root_name(element.value) is not None:
                        found.append((element.value, True))
                else:
                    stack.append(element.value)
        elif kind in _REFERENCES and root_name(part) is not None:  # type: ignore[arg-type]
            if not (kind is cst.Name and part.value in ("True", "False", "None")):  # type: ignore[union-attr]
                found.append((part, False))  # type: ignore[arg-type]
        elif (
            kind is cst.Call
            and type(part.func) is cst.Attribute  # type: ignore[union-attr]
            and part.func.attr.value in _RETURNS_PART  # type: ignore[union-attr]
            and root_name(part) is not None  # type: ignore[arg-type]
        ):
            found.append((part, False))  # type: ignore[arg-type]  # ``CONFIG.get("model")``: an object inside it
    return found


@dataclass(frozen=True)
class _Change:
    scope: Scope
    index: int
    # ``global NAME`` in a function: the module's name may change whenever
    # the function runs.
    declared_global: bool = False
    # The name passed to a call (``build(CLASSES)``): the call and the
    # argument; harmless when the callee only reads that parameter.
    passed: tuple[cst.Call, cst.Arg] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class _Alias:
    scope: Scope
    index: int
    node: cst.BaseExpression
    # ``for item in NAME``: the elements are aliased, not the container.
    elements: bool = False


@dataclass
class Mutations:
    """What the collector saw that may change a name's object."""

    changes: dict[str, list[_Change]] = field(default_factory=dict)
    aliases: dict[str, list[_Alias]] = field(default_factory=dict)
    # The module's functions by name (their scope and definition), for the
    # objects passed to them (``_Change.passed``).
    functions: dict[str, tuple[Scope, cst.FunctionDef]] = field(default_factory=dict)

    def change(
        self,
        name: str,
        scope: Scope,
        index: int,
        declared_global: bool = False,
        passed: tuple[cst.Call, cst.Arg] | None = None,
    ) -> None:
        self.changes.setdefault(name, []).append(_Change(scope, index, declared_global, passed))

    def alias(self, node: cst.BaseExpression | None, scope: Scope, index: int, elements: bool = False) -> None:
        for part, shared_elements in alias_parts(node):
            name = root_name(part)
            if name is not None:
                self.aliases.setdefault(name, []).append(_Alias(scope, index, part, elements or shared_elements))

    def call(self, call: cst.Call, scope: Scope, index: int) -> None:
        """A call may change its receiver and the objects passed to it."""
        func = call.func
        kind = type(func)
        if kind is cst.Attribute and func.attr.value not in PURE_METHODS:  # type: ignore[attr-defined]
            name = root_name(func.value)  # type: ignore[attr-defined]
            if name is not None:
                self.change(name, scope, index)
        if kind is cst.Name and func.value in PURE_FUNCTIONS:  # type: ignore[attr-defined]
            return
        if (
            kind is cst.Attribute
            and func.attr.value in readers.READ_ONLY_NAMES  # type: ignore[attr-defined]
            and qualified_name(func, scope, index) in readers.READ_ONLY_FUNCTIONS
        ):
            return  # ``plt.scatter(x[:, 0], x[:, 1], c=y)`` draws ``y``, changes nothing
        for arg in call.args:
            value = arg.value
            kind = type(value)
            if arg.star and kind not in _LITERALS:
                # ``f(*seq)``, ``f(**config)``: the callee gets a new tuple or
                # dict of the same elements; the container itself is not shared.
                self.alias(value, scope, index, elements=True)
            elif kind is cst.Name:
                self.change(value.value, scope, index, passed=(call, arg))  # type: ignore[attr-defined]
            elif kind not in _LITERALS:
                self.alias(value, scope, index)


@dataclass(frozen=True)
class _ClassBody:
    """Where a class-level value is evaluated: its class, before the body's
    statement ``position``."""

    info: Any  # extract._Class
    position: int


def _shares_mutable(value: Value, elements: bool) -> bool:
    """Whether sharing ``value`` (or only its elements) shares a mutable object."""
    if not elements:
        return mutable(value)
    for option in value.options():
        if isinstance(option, Mapping) and not option.open:
            items: tuple[Value, ...] | None = tuple(item for _, item in option.items)
        else:
            items = v.elements(option)
        if items is None or any(map(mutable, items)):
            return True
    return False


def mutable(value: Value) -> bool:
    """Whether the object ``value`` stands for may change in place."""
    for option in value.options():
        # An array's values may change in place, but not the shape the
        # engine reads of it, except through ``a.shape = ...`` or
        # ``a.resize(...)``, which the collector takes as a new, unknown value.
        if option is UNKNOWN or isinstance(option, (Mapping, Instance)):
            return True
        if isinstance(option, v.Array) and option.top is not None:
            return True  # ``y[y == 2] = 5`` changes the largest label
        if isinstance(option, Sequence) and (option.kind != "tuple" or option.open or any(map(mutable, option.items))):
            return True
    return False


class ProgramValues:
    """The values of one file's expressions (an ``Environment``)."""

    def __init__(self, module_scope: Scope, classes: dict[str, Any], mutations: Mutations, budget: Budget) -> None:
        self.module_scope = module_scope
        self.classes = classes
        self.mutations = mutations
        self.budget = budget
        self.evaluator = Evaluator(self, budget)
        self._bindings: dict[int, tuple[Binding, Value]] = {}
        # Bindings (by id) and aliases (by id and scope) being worked out.
        self._open: set[int | tuple[int, int]] = set()
        self._aliases: dict[tuple[int, int], bool] = {}
        # Aliases assumed to share nothing mutable while their own value was
        # worked out (``_alias_mutable``).
        self._assumed: set[tuple[int, int]] = set()
        # (function scope, parameter, value passed) -> whether the function
        # only reads it.
        self._read_only: dict[tuple[int, str, int], tuple[Value, bool]] = {}

    def close(self) -> None:
        """Let go of the evaluator, which points back here (see ``_Extractor.close``)."""
        self.evaluator = None  # type: ignore[assignment]

    def value(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> Value:
        return self.evaluator.evaluate(node, (scope, index))

    # -- names ---------------------------------------------------------------------
    def name(self, name: str, context: Any) -> Value | None:
        if isinstance(context, _ClassBody):
            return self._class_body_name(name, context)
        scope, index = context
        if not _bound(scope, name):
            return None  # a builtin
        binding = scope.lookup(name, index)
        if binding is None or binding.kind is not Kind.VALUE or binding.value is None or binding.index < 0:
            return UNKNOWN
        owner = scope if name in scope.bindings else (scope.parent or scope)
        found = self._binding_value(binding, owner)
        if mutable(found) and self._changed(name, owner, binding.index, scope, index, found):
            return UNKNOWN
        return found

    def _binding_value(self, binding: Binding, owner: Scope) -> Value:
        key = id(binding)
        known = self._bindings.get(key)
        if known is not None and known[0] is binding:
            return known[1]
        if key in self._open:
            return UNKNOWN  # defined through itself
        self._open.add(key)
        try:
            found = self.value(binding.value, owner, binding.index)
            for step in binding.path:
                self.budget.spend()
                found = v.index(found, Const(step))
            if mutable(found) and any(
                _shares_mutable(self.value(part, owner, binding.index), shared_elements)
                for part, shared_elements in alias_parts(binding.value)
            ):
                # ``c = CONFIG``: one object under two names, changed
                # through either.
                found = UNKNOWN
        finally:
            self._open.discard(key)
        self._bindings[key] = (binding, found)  # the binding kept alive with its id
        return found

    def _changed(self, name: str, owner: Scope, since: int, scope: Scope, index: int, found: Value = UNKNOWN) -> bool:
        """Whether ``name`` of ``owner``, bound at ``since``, may have been
        changed in place before statement ``index`` of ``scope``; ``found``
        is the value it was bound to, when known."""
        module_read_in_function = not _same_scope(scope, owner)
        for change in self.mutations.changes.get(name, ()):
            self.budget.spend()
            if change.passed is not None and self._only_read(change, found):
                continue
            if _same_scope(change.scope, owner):
                if module_read_in_function or since < change.index < index:
                    return True
            elif change.declared_global or not self._local(name, change.scope):
                return True  # a function changing the module's object: it may run at any time
        for alias in self.mutations.aliases.get(name, ()):
            self.budget.spend()
            same = _same_scope(alias.scope, owner)
            if same and not module_read_in_function and not since < alias.index < index:
                continue
            if not same and self._local(name, alias.scope):
                continue  # a local of the same name
            # In a builder's copy specialised to a call, the alias reads the
            # copy's names (``flags["units"]`` of the dict the call gives).
            if self._alias_mutable(alias, owner if same else alias.scope):
                return True
        return False

    def _only_read(self, change: _Change, found: Value) -> bool:
        """Whether the call ``change`` passes a name to is of a module-level
        function of the file that only reads that parameter: never binds,
        changes, aliases or returns it, nor does any function nested in it
        (``build(CLASSES)`` with ``Dense(len(classes))`` leaves ``CLASSES``
        as it was)."""
        call, arg = change.passed  # type: ignore[misc]
        func = call.func
        if type(func) is not cst.Name:
            return False
        entry = self.mutations.functions.get(func.value)  # type: ignore[attr-defined]
        if entry is None:
            return False
        callee, node = entry
        history = self.module_scope.bindings.get(func.value, ())  # type: ignore[attr-defined]
        if len(history) != 1 or history[0].kind is not Kind.DEFINITION:
            return False
        if change.scope.lookup(func.value, change.index) is not history[0]:  # type: ignore[attr-defined]
            return False
        param = _parameter_of(node, call, arg)
        if param is None:
            return False
        key = (id(callee), param, id(found))
        known = self._read_only.get(key)
        if known is None or known[0] is not found:
            known = self._read_only[key] = (found, self._reads_only(callee, node, param, found))
        return known[1]

    def _reads_only(self, callee: Scope, node: cst.FunctionDef, param: str, found: Value) -> bool:
        if len(callee.bindings.get(param, ())) != 1:
            return False  # rebound (``classes += [...]`` changes the object)
        for change in self.mutations.changes.get(param, ()):
            self.budget.spend()
            if _within(change.scope, callee):
                return False
        for alias in self.mutations.aliases.get(param, ()):
            self.budget.spend()
            # ``config["activation"]`` passed on shares only that string.
            if _within(alias.scope, callee) and mutable(_part(found, alias.node, alias.elements)):
                return False
        if _mentioned_nested(node, param):
            return False  # a function or class inside it may do anything with it
        for _, value, _ in callee.returns:
            for part, _ in alias_parts(value):
                if root_name(part) == param:
                    return False
        return True

    def _local(self, name: str, scope: Scope) -> bool:
        """Whether ``scope`` has a variable ``name`` of its own. The
        collector also records ``NAME[k] = v`` in a function as a binding
        there; that alone changes the module's object, not a local one."""
        changed_at = {change.index for change in self.mutations.changes.get(name, ()) if change.scope is scope}
        return any(binding.index not in changed_at for binding in scope.bindings.get(name, ()))

    def _alias_mutable(self, alias: _Alias, scope: Scope) -> bool:
        """Whether the object an alias refers to, read in ``scope`` (its own,
        or a copy of it), may be mutable (once per alias and scope)."""
        key = (id(alias), id(scope))
        known = self._aliases.get(key)
        if known is not None:
            return known
        if key in self._open:
            # What the alias refers to is being worked out, and that reads
            # the alias's own name (``SETTINGS["activation"]`` in a function
            # is both the read and an alias of ``SETTINGS``): assume, while
            # working it out, that the alias shares nothing mutable. The
            # answer is checked against the assumption below.
            self._assumed.add(key)
            return False
        self._open.add(key)
        try:
            found = _shares_mutable(self.value(alias.node, scope, alias.index), alias.elements)
        finally:
            self._open.discard(key)
        if key in self._assumed:
            self._assumed.discard(key)
            if found:
                # The alias does share a mutable object (that holds either
                # way): what was worked out assuming it did not is forgotten.
                self._bindings.clear()
                self._aliases.clear()
        self._aliases[key] = found
        return found

    # -- attributes ----------------------------------------------------------------
    def attribute(self, node: cst.Attribute, context: Any, evaluate: Callable[[cst.BaseExpression], Value]) -> Value:
        if isinstance(context, _ClassBody):
            return UNKNOWN
        scope, index = context
        owner = node.value
        attr = node.attr.value
        if attr == "shape":
            # ``y.shape[1]`` of ``y = labels.reshape(-1, 1)``.
            shape = array_shape(owner, scope, index, self.value, self._changed, self.budget)
            if shape is not None:
                return shape
        if isinstance(owner, cst.Name) and owner.value == "self" and scope.self_attributes is not None:
            binding = scope.self_attribute(attr)
            if binding is None or binding.kind is not Kind.VALUE or binding.value is None:
                return UNKNOWN
            found = self._binding_value(binding, binding.scope or scope)
            if mutable(found) and any(
                change.scope.self_attributes is scope.self_attributes
                for change in self.mutations.changes.get("self", ())
            ):
                return UNKNOWN  # ``self.cfg.update(...)`` somewhere in the class
            return found
        if isinstance(owner, cst.Name):
            info = self._class_named(owner.value, scope, index)
            if info is not None:
                changed = self._class_changed(owner.value, scope, index)
                return UNKNOWN if changed else self._class_constant(info, attr)
        # An instance of a plain class with no methods: its class's constants.
        found = []
        for option in evaluate(owner).options():
            info = self.classes.get(option.class_name) if isinstance(option, Instance) else None
            if (
                info is None
                or _is_dataclass(info, self.module_scope)
                or self._class_changed(info.node.name.value, scope, index)
            ):
                return UNKNOWN
            found.append(self._class_constant(info, attr))
        return v.one_of(found)

    def _class_named(self, name: str, scope: Scope, index: int) -> Any:
        """The module-level class ``name`` refers to at ``index``."""
        info = self.classes.get(name)
        if info is None or info.scope is not self.module_scope:
            return None
        binding = scope.lookup(name, index)
        if binding is None or binding.kind is not Kind.DEFINITION or binding.index != info.index + 1:
            return None
        return info

    def _class_changed(self, name: str, scope: Scope, index: int) -> bool:
        # A class is an object like any other: ``CFG.N = 5``, ``setattr``,
        # an alias or a call that receives it may change its attributes.
        info = self.classes[name]
        return self._changed(name, self.module_scope, info.index + 1, scope, index)

    def _class_constant(self, info: Any, attr: str) -> Value:
        """``attr`` assigned exactly once at the top of the class body, in a
        class with no base (whose attributes nothing else supplies)."""
        if (
            info.node.bases
            or info.node.keywords
            or (info.node.decorators and not _is_dataclass(info, self.module_scope))
        ):
            return UNKNOWN  # a base or a decorator may supply or replace attributes
        found: Value = UNKNOWN
        count = 0
        for position, statement in enumerate(info.node.body.body):
            self.budget.spend()
            for target, value in _class_assignments(statement):
                if target == attr:
                    count += 1
                    found = self.value_in_class(value, info, position)
            if _binds_elsewhere(statement, attr):
                return UNKNOWN
        return found if count == 1 else UNKNOWN

    def value_in_class(self, node: cst.BaseExpression | None, info: Any, position: int) -> Value:
        return self.evaluator.evaluate(node, _ClassBody(info, position))

    def _class_body_name(self, name: str, context: _ClassBody) -> Value | None:
        body = context.info.node.body.body
        bound_here = False
        for statement in body:
            self.budget.spend()
            if _binds_elsewhere(statement, name) or any(target == name for target, _ in _class_assignments(statement)):
                bound_here = True
                break
        if bound_here:
            # Assigned in the class body: only a single earlier assignment is known.
            earlier = [
                (position, value)
                for position, statement in enumerate(body[: context.position])
                for target, value in _class_assignments(statement)
                if target == name
            ]
            if len(earlier) != 1 or any(_binds_elsewhere(statement, name) for statement in body):
                return UNKNOWN
            position, value = earlier[0]
            return self.value_in_class(value, context.info, position)
        return self.name(name, (self.module_scope, context.info.index + 1))

    # -- calls -----------------------------------------------------------------------
    def call(self, node: cst.Call, context: Any, evaluate: Callable[[cst.BaseExpression], Value]) -> Value | None:
        if isinstance(context, _ClassBody):
            return None
        scope, index = context
        func = node.func
        last = func.attr.value if type(func) is cst.Attribute else func.value if type(func) is cst.Name else None  # type: ignore[attr-defined]
        if last == NAMESPACE_STAND_IN and type(func) is cst.Name:
            # A builder's parameter given a namespace the caller made (``_literal_for``).
            return _namespace(namespaces.Namespace(positional=False, nested=False), node, evaluate)
        path = (
            qualified_name(func, scope, index)
            if last in namespaces.CALLED_AS
            else _imported_as(scope, last, index)
            if type(func) is cst.Name
            else None
        )
        if path in namespaces.NAMESPACES:
            return _namespace(namespaces.NAMESPACES[path], node, evaluate)  # type: ignore[index]
        if any(arg.star for arg in node.args):
            return UNKNOWN
        if last == "to_categorical" and keras_path(qualified_name(func, scope, index)) in arrays.TO_CATEGORICAL:
            return _one_hot(node, evaluate)
        if last == "load_data":
            dataset = datasets.loaded_dataset(keras_path(qualified_name(func, scope, index)))
            if dataset in datasets.LABEL_AXES:
                return _loaded(dataset, node, evaluate)
        if last in ("array", "asarray") and qualified_name(func, scope, index) in arrays.FROM_DATA:
            return _from_data(node, evaluate)
        if last in datasets.NEWSGROUPS_LOADERS:
            loader = newsgroups_loader(qualified_name(func, scope, index))
            if loader is not None:
                return newsgroups_bunch(loader, node, evaluate)
        if isinstance(node.func, cst.Attribute):
            return self._array_call(node, node.func, context, evaluate)
        if not isinstance(node.func, cst.Name):
            return None
        info = self._class_named(node.func.value, scope, index)
        if info is None:
            return None
        if _is_dataclass(info, self.module_scope):
            return self._dataclass_instance(info, node, evaluate)
        if not (node.args or _methods(info) or info.node.bases or info.node.keywords or info.node.decorators):
            # A plain class with no methods: its instance reads the class's constants.
            return Instance(info.node.name.value, ())
        return UNKNOWN

    def _array_call(
        self, node: cst.Call, func: cst.Attribute, context: Any, evaluate: Callable[[cst.BaseExpression], Value]
    ) -> Value | None:
        """A library call known to return an array (``knowledge/arrays.py``);
        None for any other call."""
        scope, index = context
        if qualified_name(func, scope, index) in arrays.SHAPED_CONSTRUCTORS:
            shape = _argument(node, 0, "shape")
            size = evaluate(shape) if shape is not None else UNKNOWN
            if v.as_int(size) is not None:
                return v.reshape(v.Array(), [size])
            return v.reshape(v.Array(), [size]) if isinstance(size, Sequence) else v.Array()
        receiver = func.value
        for _ in range(8):  # ``encoder = LabelEncoder()``, followed through names
            if not isinstance(receiver, cst.Name):
                break
            binding = scope.lookup(receiver.value, index)
            if binding is None or binding.kind is not Kind.VALUE or binding.path or binding.value is None:
                return None
            scope = scope if receiver.value in scope.bindings else (scope.parent or scope)
            receiver, index = binding.value, binding.index
        if isinstance(receiver, cst.Call):
            methods = arrays.ONE_D_METHODS.get(qualified_name(receiver.func, scope, index) or "")
            if methods is not None and func.attr.value in methods:
                return v.Array((UNKNOWN,))
        return None

    def _dataclass_instance(self, info: Any, call: cst.Call, evaluate: Callable[[cst.BaseExpression], Value]) -> Value:
        """``Config(units=4)``: the fields from the defaults and the arguments
        (dataclasses generate ``__init__`` with the fields in order:
        ``dataclasses.py`` in CPython's standard library)."""
        if (
            info.node.bases
            or info.node.keywords
            or any(name in ("__init__", "__post_init__") for name in _methods(info))
        ):
            return UNKNOWN
        fields: list[tuple[str, Value | None]] = []
        for position, statement in enumerate(info.node.body.body):
            self.budget.spend()
            item = _field(statement, self.module_scope, info.index + 1)
            if item is None:
                continue
            if item is _UNSUPPORTED:
                return UNKNOWN
            name, default, is_field = item
            if name in info.attributes:
                return UNKNOWN  # a method assigns ``self.<field>``
            if default is None:
                fields.append((name, None))
            elif is_field:
                fields.append((name, self._field_default(default, info, position)))
            else:
                fields.append((name, self.value_in_class(default, info, position)))
        names = [name for name, _ in fields]
        given: dict[str, Value] = {}
        positional = [arg for arg in call.args if arg.keyword is None]
        if len(positional) > len(fields):
            return UNKNOWN
        for arg, name in zip(positional, names):
            given[name] = evaluate(arg.value)
        for arg in call.args:
            if arg.keyword is not None:
                if arg.keyword.value not in names or arg.keyword.value in given:
                    return UNKNOWN
                given[arg.keyword.value] = evaluate(arg.value)
        attributes = []
        for name, default in fields:
            value = given.get(name, default)
            if value is None:
                return UNKNOWN  # a required field not given: a TypeError
            attributes.append((name, value))
        return Instance(info.node.name.value, tuple(attributes))

    def _field_default(self, default: cst.Call, info: Any, position: int) -> Value:
        # ``field(default=3)``; ``default_factory`` builds a new object per instance.
        for arg in default.args:
            if arg.keyword is not None and arg.keyword.value == "default":
                return self.value_in_class(arg.value, info, position)
        return UNKNOWN


_UNSUPPORTED = ("", None, False)


def _same_scope(a: Scope, b: Scope) -> bool:
    """The same scope, or a builder's scope and its copy specialised to a
    call site (``extract._ModelBuilder._specialise``), which shares its
    ``returns``: what the body does to its names holds in both."""
    return a is b or (a.parent is not None and a.returns is b.returns)


def _within(scope: Scope | None, outer: Scope) -> bool:
    """Whether ``scope`` is ``outer`` or nested in it."""
    while scope is not None:
        if _same_scope(scope, outer):
            return True
        scope = scope.parent
    return False


def _part(found: Value, node: cst.BaseExpression, elements: bool) -> Value:
    """The part of ``found`` (a parameter's value) that ``node``, an access
    chain from the parameter with literal keys (``config["model"]["units"]``,
    ``config.get("units")``), reaches; unknown for any other chain, and for
    the whole object when only its elements are shared."""
    keys: list[Value] = []
    while type(node) is not cst.Name:
        kind = type(node)
        if kind is cst.Subscript and len(node.slice) == 1 and type(node.slice[0].slice) is cst.Index:  # type: ignore[attr-defined]
            key = node.slice[0].slice.value  # type: ignore[attr-defined]
            node = node.value  # type: ignore[attr-defined]
        elif (
            kind is cst.Call
            and type(node.func) is cst.Attribute  # type: ignore[attr-defined]
            and node.func.attr.value == "get"  # type: ignore[attr-defined]
            and len(node.args) == 1  # type: ignore[attr-defined]
            and not node.args[0].keyword  # type: ignore[attr-defined]
            and not node.args[0].star  # type: ignore[attr-defined]
        ):
            key = node.args[0].value  # type: ignore[attr-defined]
            node = node.func.value  # type: ignore[attr-defined]
        else:
            return UNKNOWN
        if type(key) is cst.SimpleString and key.evaluated_value is not None:
            keys.append(Const(key.evaluated_value))
        elif type(key) is cst.Integer:
            keys.append(Const(int(key.value, 0)))
        else:
            return UNKNOWN
    if elements and not keys:
        return UNKNOWN
    for key in reversed(keys):
        found = v.index(found, key)
    return found


def _mentioned_nested(node: cst.FunctionDef, name: str) -> bool:
    """Whether a function, lambda or class inside ``node`` mentions ``name``."""
    visitor = _NestedMention(name)
    walk(node.body, visitor)  # type: ignore[arg-type]
    return visitor.found


class _NestedMention(cst.CSTVisitor):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.depth = 0
        self.found = False

    def _enter(self) -> None:
        self.depth += 1

    def _leave(self) -> None:
        self.depth -= 1

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._enter()

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._leave()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self._enter()

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self._leave()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._enter()

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._leave()

    def visit_Name(self, node: cst.Name) -> None:
        if self.depth and node.value == self.name:
            self.found = True


def _parameter_of(node: cst.FunctionDef, call: cst.Call, arg: cst.Arg) -> str | None:
    """The parameter of ``node`` that ``arg`` of ``call`` binds; None when
    it goes to ``*args``/``**kwargs`` or the call unpacks arguments."""
    params = node.params
    if arg.keyword is not None:
        name = arg.keyword.value
        named = [*params.params, *params.kwonly_params]
        return name if any(param.name.value == name for param in named) else None
    if arg.star:
        return None
    position = 0
    for other in call.args:
        if other is arg:
            break
        if other.star:
            return None
        if other.keyword is None:
            position += 1
    positional = [*params.posonly_params, *params.params]
    return positional[position].name.value if position < len(positional) else None


def _bound(scope: Scope, name: str) -> bool:
    while scope is not None:
        if name in scope.bindings or (scope.star_imports and name not in PURE_FUNCTIONS):
            return True
        scope = scope.parent  # type: ignore[assignment]
    return False


def _methods(info: Any) -> list[str]:
    return [statement.name.value for statement in info.node.body.body if isinstance(statement, cst.FunctionDef)]


def _class_assignments(statement: cst.CSTNode) -> list[tuple[str, cst.BaseExpression | None]]:
    """``NAME = value`` and ``NAME: type = value`` at the top of a class body."""
    found: list[tuple[str, cst.BaseExpression | None]] = []
    if not isinstance(statement, cst.SimpleStatementLine):
        return found
    for small in statement.body:
        if isinstance(small, cst.Assign):
            for target in small.targets:
                if isinstance(target.target, cst.Name):
                    found.append((target.target.value, small.value))
                else:
                    found.append(("", None))
        elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name) and small.value is not None:
            found.append((small.target.value, small.value))
    return found


def _binds_elsewhere(statement: cst.CSTNode, name: str) -> bool:
    """Whether a class-body statement binds ``name`` other than by a plain
    assignment (a method, a loop, a branch, an augmented assignment...)."""
    if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
        return statement.name.value == name
    if isinstance(statement, cst.SimpleStatementLine):
        for small in statement.body:
            if isinstance(small, (cst.AugAssign, cst.Del)):
                return True
            if isinstance(small, cst.Assign) and any(not isinstance(t.target, cst.Name) for t in small.targets):
                return True
        return False
    return True  # a compound statement (if, for, with, try...) in a class body


# The callee of the call that stands, in a builder specialised to a call, for
# a namespace object the caller passes (``build(flags)`` with ``flags =
# SimpleNamespace(**CONFIG)``): a name reserved to keraslint that no code of
# the file means.
NAMESPACE_STAND_IN = "__keraslint_namespace__"


def _imported_as(scope: Scope, name: str, index: int) -> str | None:
    """The namespace constructor an import binds ``name`` to
    (``from types import SimpleNamespace as NS``); None for anything else."""
    binding = scope.lookup(name, index)
    if binding is None or binding.kind is not Kind.IMPORT or binding.qualname is None:
        return None
    return binding.qualname if binding.qualname in namespaces.NAMESPACES else None


def _namespace(kind: namespaces.Namespace, call: cst.Call, evaluate: Callable[[cst.BaseExpression], Value]) -> Value:
    """``SimpleNamespace(**CONFIG)``, ``EasyDict(CONFIG)``: an object with one
    attribute per key (``knowledge/namespaces.py``); unknown unless every
    key is a known string."""
    items: list[tuple[Value, Value]] = []
    for position, arg in enumerate(call.args):
        if arg.keyword is not None:
            items.append((Const(arg.keyword.value), evaluate(arg.value)))
        elif arg.star == "**" or (not arg.star and position == 0 and kind.positional):
            given = evaluate(arg.value)
            if not isinstance(given, Mapping) or given.open:
                return UNKNOWN
            items.extend(given.items)
        else:
            return UNKNOWN
    return _namespace_of(Mapping(tuple(items)), kind.nested) or UNKNOWN


def _namespace_of(mapping: Mapping, nested: bool, depth: int = 0) -> Instance | None:
    attributes: dict[str, Value] = {}
    for key, value in mapping.items:
        if not isinstance(key, Const) or not isinstance(key.value, str):
            return None
        if nested and isinstance(value, Mapping) and depth < 8:
            value = (None if value.open else _namespace_of(value, nested, depth + 1)) or UNKNOWN
        if key.value in attributes:
            return None  # ``NS(**CONFIG, units=2)`` with ``units`` in CONFIG: a TypeError
        attributes[key.value] = value
    return Instance(NAMESPACE_STAND_IN, tuple(attributes.items()))


def _is_dataclass(info: Any, module_scope: Scope) -> bool:
    """Decorated by ``dataclasses.dataclass`` alone, with its defaults for
    ``init`` (the generated ``__init__``)."""
    decorators = info.node.decorators
    if len(decorators) != 1:
        return False
    decorator = decorators[0].decorator
    if isinstance(decorator, cst.Call):
        if any(arg.keyword is None or arg.keyword.value in ("init", "kw_only") for arg in decorator.args):
            return False
        decorator = decorator.func
    return qualified_name(decorator, module_scope, info.index + 1) == "dataclasses.dataclass"


def _field(statement: cst.CSTNode, module_scope: Scope, index: int) -> Any:
    """``name: type [= default]`` of a dataclass body: (name, default or None);
    None for a statement that is no field; ``_UNSUPPORTED`` for what this
    does not model (``ClassVar``, ``InitVar``, ``KW_ONLY``, ``field(init=False)``...)."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return None if isinstance(statement, cst.FunctionDef) else _UNSUPPORTED
    result: Any = None
    for small in statement.body:
        if not isinstance(small, cst.AnnAssign):
            if isinstance(small, (cst.Assign, cst.AugAssign)):
                return _UNSUPPORTED  # a class attribute among the fields: keep it simple
            continue
        if result is not None or not isinstance(small.target, cst.Name):
            return _UNSUPPORTED
        annotation = cst.Module([]).code_for_node(small.annotation.annotation)
        if any(word in annotation for word in ("ClassVar", "InitVar", "KW_ONLY")):
            return _UNSUPPORTED
        default = small.value
        if isinstance(default, cst.Call) and qualified_name(default.func, module_scope, index) == "dataclasses.field":
            keywords = [arg.keyword.value if arg.keyword is not None else None for arg in default.args]
            if any(keyword not in ("default", "default_factory", "repr", "compare") for keyword in keywords):
                return _UNSUPPORTED
            if "default" in keywords or "default_factory" in keywords:
                result = (small.target.value, default, True)
            else:
                result = (small.target.value, None, False)  # a required field
            continue
        result = (small.target.value, default, False)
    return result


def _one_hot(call: cst.Call, evaluate: Callable[[cst.BaseExpression], Value]) -> Value:
    """``to_categorical(labels, num_classes)`` of a 1-d array of labels (or
    one column of them): an array with one row per label and
    ``num_classes`` columns (``knowledge/arrays.py``); without
    ``num_classes``, the largest label plus one, when that is known.
    Unknown for labels of any other or unknown shape."""
    if any(arg.star for arg in call.args):
        return UNKNOWN
    labels, classes = _argument(call, 0, "x"), _argument(call, 1, "num_classes")
    if labels is None:
        return UNKNOWN
    array = evaluate(labels)
    if not isinstance(array, v.Array) or array.shape is None:
        return UNKNOWN
    count = v.as_int(evaluate(classes)) if classes is not None else array.top
    if count is None or count < 1:
        return UNKNOWN
    shape = array.shape
    if len(shape) == 2 and v.as_int(shape[1]) == 1:
        shape = shape[:1]
    return v.Array((shape[0], Const(count))) if len(shape) == 1 else UNKNOWN


def _loaded(dataset: str, call: cst.Call, evaluate: Callable[[cst.BaseExpression], Value]) -> Value:
    """``(x_train, y_train), (x_test, y_test) = mnist.load_data()``: the label
    arrays' shapes (``knowledge/datasets.py``), and for datasets with every
    class on both sides, their largest label plus one. The images are
    arrays of a shape not followed here."""
    if any(arg.star for arg in call.args):
        return UNKNOWN
    top: int | None = datasets.CLASS_COUNTS.get(dataset) if dataset in datasets.EVERY_CLASS_PRESENT else None
    if dataset == "cifar100":
        mode = _argument(call, 0, "label_mode")
        label_mode = v.as_str(evaluate(mode)) if mode is not None else "fine"
        if label_mode not in ("fine", "coarse"):
            return UNKNOWN
        if label_mode == "coarse":
            top = datasets.CIFAR100_COARSE_CLASSES
    shape = (UNKNOWN,) if datasets.LABEL_AXES[dataset] == 1 else (UNKNOWN, Const(1))
    split = Sequence("tuple", (v.Array(), v.Array(shape, top)))
    return Sequence("tuple", (split, split))


def _from_data(call: cst.Call, evaluate: Callable[[cst.BaseExpression], Value]) -> Value:
    """``np.array([0, 2, 1])``: a 1-d array of that many numbers (the largest
    plus one kept for integers); ``np.array([[0, 1], [1, 0]])``: a 2-d array.
    Unknown for anything but lists or tuples of numbers of one known length,
    or with arguments other than ``dtype``."""
    if any(arg.star or (arg.keyword is not None and arg.keyword.value != "dtype") for arg in call.args):
        return UNKNOWN
    positional = [arg for arg in call.args if arg.keyword is None]
    if len(positional) != 1:
        return UNKNOWN  # ``np.array(x, "float32")``: the dtype given by position, or no data
    data = evaluate(positional[0].value)
    rows = v.elements(data)
    if rows is None or not rows or not isinstance(data, Sequence) or data.kind == "set":
        return UNKNOWN
    if all(_number(row) for row in rows):
        integers = [row.value for row in rows if type(row.value) is int]  # type: ignore[attr-defined]
        top = max(integers) + 1 if len(integers) == len(rows) and min(integers) >= 0 else None
        return v.Array((Const(len(rows)),), top)
    inner = [v.elements(row) if isinstance(row, Sequence) and row.kind != "set" else None for row in rows]
    widths = {len(row) for row in inner if row is not None}
    if any(row is None or not all(_number(item) for item in row) for row in inner) or len(widths) != 1:
        return UNKNOWN
    return v.Array((Const(len(rows)), Const(widths.pop())))


def _number(value: Value) -> bool:
    return type(value) is Const and type(value.value) in (int, float)
