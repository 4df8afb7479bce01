"""Evaluating LibCST expressions to abstract values.

The evaluator knows Python's expressions and builtins; what names hold, and
what a call of a user function or a library returns, it asks of its
``Environment`` (the model layer supplies one over the file's scopes). Each
evaluation spends from a budget and is depth-limited, so a hostile program
(10,000 chained assignments, a name defined through itself) ends in
``UNKNOWN``, never in an error or a hang.
"""

from __future__ import annotations

from typing import Any, Callable, Protocol

import libcst as cst

from keraslint.analysis import values as v
from keraslint.analysis.values import UNKNOWN, Const, Mapping, Sequence, Value

# How deep an evaluation may recurse (a name whose value is another name...).
MAX_DEPTH = 60
# How many elements a comprehension (with the comprehensions nested in it)
# may visit in all: past this, its value is unknown. Class lists and
# alphabets are far smaller; ``[[... for j in range(10**4)] for i in
# range(10**4)]`` would otherwise build 10**8 values.
MAX_COMPREHENSION_STEPS = 2_000

_BINARY = {
    cst.Add: "+",
    cst.Subtract: "-",
    cst.Multiply: "*",
    cst.Divide: "/",
    cst.FloorDivide: "//",
    cst.Modulo: "%",
    cst.Power: "**",
    cst.LeftShift: "<<",
    cst.RightShift: ">>",
    cst.BitAnd: "&",
    cst.BitOr: "|",
    cst.BitXor: "^",
}
_COMPARISON = {
    cst.Equal: "==",
    cst.NotEqual: "!=",
    cst.LessThan: "<",
    cst.LessThanEqual: "<=",
    cst.GreaterThan: ">",
    cst.GreaterThanEqual: ">=",
    cst.In: "in",
    cst.NotIn: "not in",
    cst.Is: "is",
    cst.IsNot: "is not",
}


class Environment(Protocol):
    """What the evaluator asks of the program around an expression."""

    def name(self, name: str, context: Any) -> Value | None:
        """The value ``name`` holds at ``context``; None when the file never
        binds it (a builtin, then)."""

    def attribute(self, node: cst.Attribute, context: Any, evaluate: Callable[[cst.BaseExpression], Value]) -> Value:
        """``obj.attr`` where ``obj`` is not a plain value (a module, an
        array's ``.shape``...): unknown when not understood."""

    def call(self, node: cst.Call, context: Any, evaluate: Callable[[cst.BaseExpression], Value]) -> Value | None:
        """A call (``*args``/``**kwargs`` included) the environment understands (a user function, a library
        function from the knowledge tables); None to let the evaluator try
        Python's builtins."""


class Budget(Protocol):
    def spend(self, steps: int = 1) -> None: ...


class _NoBudget:
    def spend(self, steps: int = 1) -> None:
        pass


class Evaluator:
    """``evaluate(node, context)``: the value of an expression where
    ``context`` (opaque to the evaluator: a scope and a statement) says
    which bindings are in effect."""

    def __init__(self, environment: Environment, budget: Budget | None = None) -> None:
        self.environment = environment
        self.budget = budget or _NoBudget()
        self._depth = 0
        # Elements the outermost comprehension being evaluated may still visit.
        self._comprehension_steps: int | None = None

    def evaluate(self, node: cst.BaseExpression | None, context: Any) -> Value:
        if node is None:
            return UNKNOWN
        if self._depth >= MAX_DEPTH:
            return UNKNOWN
        self.budget.spend()
        self._depth += 1
        try:
            return self._evaluate(node, context)
        except RecursionError:
            return UNKNOWN
        finally:
            self._depth -= 1

    # -- expressions ------------------------------------------------------------------
    def _evaluate(self, node: cst.BaseExpression, context: Any) -> Value:
        def sub(child: cst.BaseExpression) -> Value:
            return self.evaluate(child, context)

        if isinstance(node, cst.Integer):
            return _literal(node)
        if isinstance(node, (cst.Float, cst.Imaginary)):
            return _literal(node)
        if isinstance(node, cst.SimpleString):
            return _literal(node)
        if isinstance(node, cst.ConcatenatedString):
            left, right = sub(node.left), sub(node.right)
            return v.binary("+", left, right)
        if isinstance(node, cst.FormattedString):
            return self._formatted(node, sub)
        if isinstance(node, cst.Name):
            if node.value in ("True", "False", "None"):
                return Const({"True": True, "False": False, "None": None}[node.value])
            if isinstance(context, _Local):
                local = context.get(node.value)
                if local is not None:
                    return local
                context = context.outer
            found = self.environment.name(node.value, context)
            return found if found is not None else UNKNOWN
        if isinstance(node, (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp)):
            return self._comprehension(node, context)
        if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
            kind = {cst.Tuple: "tuple", cst.List: "list", cst.Set: "set"}[type(node)]
            return _sequence(kind, node.elements, sub)
        if isinstance(node, cst.Dict):
            return _mapping(node.elements, sub)
        if isinstance(node, cst.Subscript):
            return self._subscript(node, sub)
        if isinstance(node, cst.BinaryOperation):
            symbol = _BINARY.get(type(node.operator))
            if symbol is None:  # @ (matrix multiplication)
                return UNKNOWN
            return v.binary(symbol, sub(node.left), sub(node.right))
        if isinstance(node, cst.UnaryOperation):
            symbol = {cst.Minus: "-", cst.Plus: "+", cst.BitInvert: "~", cst.Not: "not"}[type(node.operator)]
            return v.unary(symbol, sub(node.expression))
        if isinstance(node, cst.BooleanOperation):
            return self._boolean(node, sub)
        if isinstance(node, cst.Comparison):
            return self._comparison(node, sub)
        if isinstance(node, cst.IfExp):
            verdict = v.truth(sub(node.test))
            if verdict is True:
                return sub(node.body)
            if verdict is False:
                return sub(node.orelse)
            return v.one_of((sub(node.body), sub(node.orelse)))
        if isinstance(node, cst.NamedExpr):
            return sub(node.value)
        if isinstance(node, cst.Attribute):
            return self._attribute(node, context, sub)
        if isinstance(node, cst.Call):
            return self._call(node, context, sub)
        return UNKNOWN

    def _formatted(self, node: cst.FormattedString, sub: Callable[[cst.BaseExpression], Value]) -> Value:
        parts: list[str] = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                parts.append(part.value)
                continue
            if part.conversion is not None or part.format_spec is not None:
                return UNKNOWN
            value = sub(part.expression)
            if not isinstance(value, Const) or not isinstance(value.value, (str, int)) or isinstance(value.value, bool):
                return UNKNOWN
            parts.append(str(value.value))
        if "b" in node.prefix.lower():
            return UNKNOWN
        text = "".join(parts)
        if "{" in text or "}" in text or "\\" in text:
            return UNKNOWN  # escapes and doubled braces: not worth modelling
        return v.bounded(text)

    def _subscript(self, node: cst.Subscript, sub: Callable[[cst.BaseExpression], Value]) -> Value:
        if len(node.slice) != 1:
            return UNKNOWN  # a[1, 2]: arrays, not Python containers
        container = sub(node.value)
        element = node.slice[0].slice
        if isinstance(element, cst.Index):
            if element.star is not None:
                return UNKNOWN
            return v.index(container, sub(element.value))
        if isinstance(element, cst.Slice):

            def part(expression: cst.BaseExpression | None) -> Value | None:
                return None if expression is None else sub(expression)

            return v.one_of(
                v.slice_of(option, part(element.lower), part(element.upper), part(element.step))
                for option in container.options()
            )
        return UNKNOWN

    def _boolean(self, node: cst.BooleanOperation, sub: Callable[[cst.BaseExpression], Value]) -> Value:
        left = sub(node.left)
        verdict = v.truth(left)
        is_and = isinstance(node.operator, cst.And)
        if verdict is None:
            return UNKNOWN
        if is_and:
            return sub(node.right) if verdict else left
        return left if verdict else sub(node.right)

    def _comparison(self, node: cst.Comparison, sub: Callable[[cst.BaseExpression], Value]) -> Value:
        left = sub(node.left)
        result: Value = Const(True)
        for target in node.comparisons:
            symbol = _COMPARISON.get(type(target.operator))
            if symbol is None:
                return UNKNOWN
            right = sub(target.comparator)
            verdict = v.truth(v.compare(symbol, left, right))
            if verdict is None:
                return UNKNOWN
            if not verdict:
                return Const(False)
            left = right
        return result

    def _attribute(self, node: cst.Attribute, context: Any, sub: Callable[[cst.BaseExpression], Value]) -> Value:
        owner = sub(node.value)
        name = node.attr.value
        found = [_attribute_of(option, name) for option in owner.options()]
        if owner is not UNKNOWN and all(value is not None for value in found):
            return v.one_of(found)  # type: ignore[arg-type]
        return self.environment.attribute(node, _outer(context), sub)

    # -- comprehensions ----------------------------------------------------------------
    def _comprehension(self, node: cst.ListComp | cst.SetComp | cst.GeneratorExp | cst.DictComp, context: Any) -> Value:
        """``{ch: i for i, ch in enumerate(ALPHABET)}``: run over a known
        iterable, each element bound in a context of its own; unknown when
        the iterable, a condition or a key is not known, or when it is too
        large (``MAX_COMPREHENSION_STEPS``)."""
        outermost = self._comprehension_steps is None
        if outermost:
            self._comprehension_steps = MAX_COMPREHENSION_STEPS
        try:
            return self._run_comprehension(node, context)
        finally:
            if outermost:
                self._comprehension_steps = None

    def _run_comprehension(
        self, node: cst.ListComp | cst.SetComp | cst.GeneratorExp | cst.DictComp, context: Any
    ) -> Value:
        contexts: list[Any] = [context]
        clause: cst.BaseCompFor | None = node.for_in
        while clause is not None:
            if clause.asynchronous is not None:
                return UNKNOWN
            following: list[Any] = []
            for outer in contexts:
                items = v.elements(self.evaluate(clause.iter, outer))
                if items is None:
                    return UNKNOWN
                for item in items:
                    self.budget.spend()
                    self._comprehension_steps = (self._comprehension_steps or 0) - 1
                    if self._comprehension_steps < 0:
                        return UNKNOWN
                    names: dict[str, Value] = {}
                    if not _unpack(clause.target, item, names):
                        return UNKNOWN
                    inner = _Local(names, outer)
                    keep = True
                    for condition in clause.ifs:
                        verdict = v.truth(self.evaluate(condition.test, inner))
                        if verdict is None:
                            return UNKNOWN
                        keep = keep and verdict
                    if keep:
                        following.append(inner)
                    if len(following) > v.MAX_ITEMS:
                        return UNKNOWN
            contexts = following
            clause = clause.inner_for_in
        if isinstance(node, cst.DictComp):
            pairs: list[tuple[Value, Value]] = []
            for inner in contexts:
                key = self.evaluate(node.key, inner)
                if not isinstance(key, Const):
                    return UNKNOWN
                pairs.append((key, self.evaluate(node.value, inner)))
            return Mapping(tuple(pairs))
        kind = "set" if isinstance(node, cst.SetComp) else "list"
        return Sequence(kind, tuple(self.evaluate(node.elt, inner) for inner in contexts))

    # -- calls -----------------------------------------------------------------------
    def _call(self, node: cst.Call, context: Any, sub: Callable[[cst.BaseExpression], Value]) -> Value:
        # The environment sees starred calls too (``SimpleNamespace(**CONFIG)``
        # unpacks a known dict); Python's builtins and methods here do not.
        understood = self.environment.call(node, _outer(context), sub)
        if understood is not None:
            return understood
        if any(arg.star for arg in node.args):
            return UNKNOWN
        function = node.func
        if isinstance(function, cst.Name):
            if isinstance(context, _Local) and context.get(function.value) is not None:
                return UNKNOWN
            if self.environment.name(function.value, _outer(context)) is not None:
                return UNKNOWN  # the file rebinds this name: not the builtin
            builtin = _BUILTINS.get(function.value)
            if builtin is None:
                return UNKNOWN
            positional = [sub(arg.value) for arg in node.args if arg.keyword is None]
            keywords = {arg.keyword.value: sub(arg.value) for arg in node.args if arg.keyword is not None}
            return builtin(positional, keywords)
        if isinstance(function, cst.Attribute):
            method = _METHODS.get(function.attr.value)
            if method is None:
                return UNKNOWN
            owner = sub(function.value)
            if owner is UNKNOWN:
                return UNKNOWN
            positional = [sub(arg.value) for arg in node.args if arg.keyword is None]
            if any(arg.keyword is not None for arg in node.args):
                return UNKNOWN
            return v.one_of(method(option, positional) for option in owner.options())
        return UNKNOWN


class _Local:
    """The names a comprehension binds, over the context it runs in."""

    __slots__ = ("names", "outer")

    def __init__(self, names: dict[str, Value], outer: Any) -> None:
        self.names = names
        self.outer = outer

    def get(self, name: str) -> Value | None:
        context: Any = self
        while isinstance(context, _Local):
            found = context.names.get(name)
            if found is not None:
                return found
            context = context.outer
        return None


def _outer(context: Any) -> Any:
    while isinstance(context, _Local):
        context = context.outer
    return context


def _unpack(target: cst.BaseExpression, value: Value, names: dict[str, Value]) -> bool:
    """Bind a ``for`` target to ``value``; False when the shapes do not match."""
    if isinstance(target, cst.Name):
        names[target.value] = value
        return True
    if isinstance(target, (cst.Tuple, cst.List)):
        if any(isinstance(element, cst.StarredElement) for element in target.elements):
            return False
        items = v.elements(value)
        if items is None or len(items) != len(target.elements):
            return False
        return all(_unpack(element.value, item, names) for element, item in zip(target.elements, items))
    return False


# -- literals ------------------------------------------------------------------------


def _literal(node: cst.Integer | cst.Float | cst.Imaginary | cst.SimpleString) -> Value:
    if isinstance(node, cst.Integer) and len(node.value) > v.MAX_DIGITS + 2:
        return UNKNOWN  # never convert an absurdly long literal
    try:
        value = v.bounded(node.evaluated_value)
    except (ValueError, SyntaxError, OverflowError, MemoryError):
        return UNKNOWN
    return Const(value.value, node) if isinstance(value, Const) else value


def _sequence(kind: str, elements: Any, sub: Callable[[cst.BaseExpression], Value]) -> Value:
    items: list[Value] = []
    for element in elements:
        if isinstance(element, cst.StarredElement):
            inner = sub(element.value)
            known = v.elements(inner)
            if known is None:
                return Sequence(kind, tuple(items), open=True) if kind != "set" else UNKNOWN
            items.extend(known)
        else:
            items.append(sub(element.value))
        if len(items) > v.MAX_ITEMS:
            return UNKNOWN
    return Sequence(kind, tuple(items))


def _mapping(elements: Any, sub: Callable[[cst.BaseExpression], Value]) -> Value:
    items: list[tuple[Value, Value]] = []
    for element in elements:
        if isinstance(element, cst.StarredDictElement):
            inner = sub(element.value)
            if not isinstance(inner, Mapping) or inner.open:
                return UNKNOWN
            items.extend(inner.items)
            continue
        key = sub(element.key)
        if not isinstance(key, Const):
            return UNKNOWN  # a key that is not known hides every other
        items.append((key, sub(element.value)))
        if len(items) > v.MAX_ITEMS:
            return UNKNOWN
    return Mapping(tuple(items))


def _attribute_of(value: Value, name: str) -> Value | None:
    if isinstance(value, v.Array):
        if value.shape is None:
            return None
        if name == "shape":
            return Sequence("tuple", value.shape)
        if name == "ndim":
            return Const(len(value.shape))
        return None
    if isinstance(value, v.Instance):
        found = value.attribute(name)
        return found if found is not UNKNOWN else None
    return None


# -- builtins ------------------------------------------------------------------------

Builtin = Callable[[list[Value], dict[str, Value]], Value]


def _len(positional: list[Value], keywords: dict[str, Value]) -> Value:
    return v.length(positional[0]) if len(positional) == 1 and not keywords else UNKNOWN


def _number(kind: type) -> Builtin:
    def convert(positional: list[Value], keywords: dict[str, Value]) -> Value:
        if len(positional) != 1 or keywords:
            return UNKNOWN

        def one(option: Value) -> Value:
            if isinstance(option, Const) and isinstance(option.value, (int, float, bool)):
                try:
                    return v.bounded(kind(option.value))
                except (OverflowError, ValueError):
                    return UNKNOWN
            if isinstance(option, Const) and isinstance(option.value, str) and len(option.value) <= 50:
                try:
                    return v.bounded(kind(option.value))
                except ValueError:
                    return UNKNOWN
            return UNKNOWN

        return v.one_of(one(option) for option in positional[0].options())

    return convert


def _extreme(pick: Callable[..., Any]) -> Builtin:
    def extreme(positional: list[Value], keywords: dict[str, Value]) -> Value:
        if keywords:
            return UNKNOWN
        candidates = positional
        if len(positional) == 1:
            known = v.elements(positional[0])
            if known is None:
                return UNKNOWN
            candidates = list(known)
        numbers = [c for c in candidates if isinstance(c, Const) and isinstance(c.value, (int, float))]
        if not candidates or len(numbers) != len(candidates):
            return UNKNOWN
        return v.bounded(pick(c.value for c in numbers))

    return extreme


def _sum(positional: list[Value], keywords: dict[str, Value]) -> Value:
    if len(positional) != 1 or keywords:
        return UNKNOWN
    known = v.elements(positional[0])
    if known is None or not all(isinstance(c, Const) and isinstance(c.value, (int, float)) for c in known):
        return UNKNOWN
    return v.bounded(sum(c.value for c in known))  # type: ignore[union-attr]


def _abs(positional: list[Value], keywords: dict[str, Value]) -> Value:
    if len(positional) != 1 or keywords:
        return UNKNOWN
    value = positional[0]
    if isinstance(value, Const) and isinstance(value.value, (int, float)):
        return v.bounded(abs(value.value))
    return UNKNOWN


def _container(kind: str) -> Builtin:
    def build(positional: list[Value], keywords: dict[str, Value]) -> Value:
        if keywords:
            return UNKNOWN
        if not positional:
            return Sequence(kind, ())
        if len(positional) != 1:
            return UNKNOWN
        source = positional[0]
        if isinstance(source, Mapping) and not source.open:
            return Sequence(kind, tuple(key for key, _ in source.items))
        known = v.elements(source)
        if known is None:
            if isinstance(source, Sequence) and source.kind == "set" and not source.open:
                return Sequence(kind, source.items) if kind == "set" else UNKNOWN
            return UNKNOWN
        return Sequence(kind, known)

    return build


def _sorted(positional: list[Value], keywords: dict[str, Value]) -> Value:
    if len(positional) != 1 or keywords:
        return UNKNOWN
    source = positional[0]
    items: tuple[Value, ...] | None
    if isinstance(source, Sequence) and not source.open:
        items = source.items
    elif isinstance(source, Mapping) and not source.open:
        items = tuple(key for key, _ in source.items)
    else:
        items = v.elements(source)
    if items is None or not all(isinstance(i, Const) for i in items):
        return UNKNOWN
    try:
        ordered = sorted({i.value: None for i in items})  # type: ignore[union-attr]
    except TypeError:
        return UNKNOWN
    if isinstance(source, Sequence) and source.kind != "set" or isinstance(source, Const):
        try:
            ordered = sorted(i.value for i in items)  # type: ignore[union-attr]
        except TypeError:
            return UNKNOWN
    return Sequence("list", tuple(Const(value) for value in ordered))


def _range(positional: list[Value], keywords: dict[str, Value]) -> Value:
    numbers = [v.as_int(p) for p in positional]
    if keywords or not 1 <= len(numbers) <= 3 or any(n is None for n in numbers):
        return UNKNOWN
    try:
        span = range(*numbers)  # type: ignore[arg-type]
    except ValueError:
        return UNKNOWN
    if len(span) > v.MAX_ITEMS:
        return UNKNOWN
    return Sequence("list", tuple(Const(n) for n in span))


def _enumerate(positional: list[Value], keywords: dict[str, Value]) -> Value:
    start = v.as_int(keywords.pop("start", positional[1] if len(positional) == 2 else Const(0)))
    items = v.elements(positional[0]) if 1 <= len(positional) <= 2 and not keywords else None
    if items is None or start is None:
        return UNKNOWN
    return Sequence("list", tuple(Sequence("tuple", (Const(start + n), item)) for n, item in enumerate(items)))


def _zip(positional: list[Value], keywords: dict[str, Value]) -> Value:
    columns = [v.elements(p) for p in positional]
    if keywords or not columns or any(column is None for column in columns):
        return UNKNOWN
    return Sequence("list", tuple(Sequence("tuple", row) for row in zip(*columns)))  # type: ignore[misc]


def _dict(positional: list[Value], keywords: dict[str, Value]) -> Value:
    items: list[tuple[Value, Value]] = []
    if positional:
        if len(positional) != 1 or not isinstance(positional[0], Mapping) or positional[0].open:
            return UNKNOWN
        items.extend(positional[0].items)
    items.extend((Const(key), value) for key, value in keywords.items())
    return Mapping(tuple(items))


def _str(positional: list[Value], keywords: dict[str, Value]) -> Value:
    if len(positional) != 1 or keywords:
        return UNKNOWN
    value = positional[0]
    if isinstance(value, Const) and isinstance(value.value, (str, int)) and not isinstance(value.value, bool):
        if isinstance(value.value, int) and value.value.bit_length() > 300:
            return UNKNOWN
        return v.bounded(str(value.value))
    return UNKNOWN


_BUILTINS: dict[str, Builtin] = {
    "len": _len,
    "int": _number(int),
    "float": _number(float),
    "min": _extreme(min),
    "max": _extreme(max),
    "sum": _sum,
    "abs": _abs,
    "list": _container("list"),
    "tuple": _container("tuple"),
    "set": _container("set"),
    "frozenset": _container("set"),
    "sorted": _sorted,
    "range": _range,
    "enumerate": _enumerate,
    "zip": _zip,
    "dict": _dict,
    "str": _str,
}


# -- methods of constants and containers -----------------------------------------------

Method = Callable[[Value, list[Value]], Value]


def _string_method(name: str, arity: tuple[int, ...]) -> Method:
    def call(owner: Value, positional: list[Value]) -> Value:
        if not isinstance(owner, Const) or not isinstance(owner.value, str) or len(positional) not in arity:
            return UNKNOWN
        arguments = []
        for argument in positional:
            if not isinstance(argument, Const) or not isinstance(argument.value, str):
                return UNKNOWN
            arguments.append(argument.value)
        result = getattr(owner.value, name)(*arguments)
        if isinstance(result, list):
            return Sequence("list", tuple(Const(part) for part in result)) if len(result) <= v.MAX_ITEMS else UNKNOWN
        return v.bounded(result)

    return call


def _get(owner: Value, positional: list[Value]) -> Value:
    if not isinstance(owner, Mapping) or not 1 <= len(positional) <= 2:
        return UNKNOWN
    key = positional[0]
    if not isinstance(key, Const):
        return UNKNOWN
    found = owner.get(key)
    if found is not UNKNOWN or owner.open:
        return found
    present = any(isinstance(k, Const) and v._same_key(k.value, key.value) for k, _ in owner.items)
    if present:
        return found
    return positional[1] if len(positional) == 2 else Const(None)


def _view(part: str) -> Method:
    def call(owner: Value, positional: list[Value]) -> Value:
        if not isinstance(owner, Mapping) or owner.open or positional:
            return UNKNOWN
        if part == "keys":
            return Sequence("list", tuple(key for key, _ in owner.items))
        if part == "values":
            return Sequence("list", tuple(value for _, value in owner.items))
        return Sequence("list", tuple(Sequence("tuple", (key, value)) for key, value in owner.items))

    return call


def _copy(owner: Value, positional: list[Value]) -> Value:
    return owner if isinstance(owner, (Sequence, Mapping)) and not positional else UNKNOWN


def _index_method(owner: Value, positional: list[Value]) -> Value:
    if len(positional) != 1 or not isinstance(owner, Sequence) or owner.open or owner.kind == "set":
        return UNKNOWN
    target = positional[0]
    if not isinstance(target, Const):
        return UNKNOWN
    for position, item in enumerate(owner.items):
        if not isinstance(item, Const):
            return UNKNOWN
        if v._same_key(item.value, target.value):
            return Const(position)
    return UNKNOWN


_METHODS: dict[str, Method] = {
    "lower": _string_method("lower", (0,)),
    "upper": _string_method("upper", (0,)),
    "strip": _string_method("strip", (0, 1)),
    "lstrip": _string_method("lstrip", (0, 1)),
    "rstrip": _string_method("rstrip", (0, 1)),
    "replace": _string_method("replace", (2,)),
    "split": _string_method("split", (0, 1)),
    "get": _get,
    "keys": _view("keys"),
    "values": _view("values"),
    "items": _view("items"),
    "copy": _copy,
    "index": _index_method,
    "reshape": lambda owner, positional: v.reshape(owner, positional),
}
