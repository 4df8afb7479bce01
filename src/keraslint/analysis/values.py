"""Abstract values: what an expression can be, without running it.

A value is one of

- ``UNKNOWN``: anything (astroid's ``Uninferable``, Jedi's ``NO_VALUES``
  read as "could be anything"). Callers treat it as a possible value, so a
  rule that needs certainty stays silent;
- ``Const``: one Python constant (``int``, ``float``, ``str``, ``bool``,
  ``None``, ``bytes``);
- ``Sequence``: a tuple, list or set literal, element by element; ``open``
  when elements of unknown number and value may follow the known ones (a
  list extended in a loop);
- ``Mapping``: a dict literal, key by key (keys are constants);
- ``Instance``: an object of a user class or a dataclass whose attributes are
  known (``Config(n_classes=4).n_classes``);
- ``OneOf``: one of several values (the branches of an ``if``): a rule asks
  whether a mistake holds for every option.

Values are immutable and hashable, so they can be memoised and compared.
Every operation on values returns ``UNKNOWN`` where Python's result is not
certain, never raises, and bounds what it builds (``MAX_ITEMS``,
``MAX_DIGITS``): a hostile program cannot make the engine build a huge
value.
"""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

# No value the engine builds holds more than this many elements, nor an
# integer of more than this many digits: beyond them a value is unknown.
MAX_ITEMS = 10_000
MAX_DIGITS = 100
MAX_STRING = 100_000
# A ``OneOf`` with more options than this is unknown.
MAX_OPTIONS = 16


class Value:
    """Base of every abstract value."""

    __slots__ = ()

    def options(self) -> tuple[Value, ...]:
        """The values this one may be: itself, or each option of a ``OneOf``."""
        return (self,)


class _Unknown(Value):
    __slots__ = ()

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __reduce__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Value = _Unknown()


@dataclass(frozen=True)
class Const(Value):
    value: Any
    # The literal the value was read from, when it is one (a string in a
    # config dict): diagnostics about the value point there. Not part of
    # the value: two equal constants are one option.
    origin: Any = field(default=None, compare=False, repr=False)

    def __repr__(self) -> str:
        return f"Const({self.value!r})"


@dataclass(frozen=True)
class Sequence(Value):
    kind: str  # "tuple", "list" or "set"
    items: tuple[Value, ...]
    # More elements (unknown in number and value) may follow ``items``.
    open: bool = False


@dataclass(frozen=True)
class Mapping(Value):
    items: tuple[tuple[Value, Value], ...]
    open: bool = False

    def get(self, key: Value) -> Value:
        """The value at ``key``; unknown when the key is not a constant, or
        is missing from a mapping that may hold more."""
        if not isinstance(key, Const):
            return UNKNOWN
        for known, value in reversed(self.items):  # the last of a repeated key wins
            if isinstance(known, Const) and _same_key(known.value, key.value):
                return value
        return UNKNOWN


@dataclass(frozen=True)
class Instance(Value):
    """An object of a user class: its class's name and known attributes."""

    class_name: str
    attributes: tuple[tuple[str, Value], ...]

    def attribute(self, name: str) -> Value:
        for known, value in self.attributes:
            if known == name:
                return value
        return UNKNOWN


@dataclass(frozen=True)
class Array(Value):
    """An n-dimensional array with NumPy's semantics (a ``numpy.ndarray``
    made by a function known to return one): its shape, one value per axis,
    or None when even the number of axes is unknown."""

    shape: tuple[Value, ...] | None = None
    # For integer labels: the largest one plus one, when known (what
    # ``to_categorical`` without ``num_classes`` makes the width).
    top: int | None = None


def reshape(array: Value, dims: list[Value]) -> Value:
    """``array.reshape(d0, d1, ...)`` or ``array.reshape((d0, d1, ...))``:
    an array of that shape, ``-1`` an axis of unknown size (NumPy infers it;
    at most one). Unknown for anything but an array and int sizes."""
    if not isinstance(array, Array):
        return UNKNOWN
    if len(dims) == 1 and isinstance(dims[0], Sequence):
        sizes = elements(dims[0])
        if sizes is None:
            return UNKNOWN
        dims = list(sizes)
    numbers = [as_int(dim) for dim in dims]
    if not numbers or any(n is None or n < -1 for n in numbers) or numbers.count(-1) > 1:
        return UNKNOWN
    return Array(tuple(UNKNOWN if n == -1 else Const(n) for n in numbers))  # type: ignore[misc]


@dataclass(frozen=True)
class OneOf(Value):
    choices: tuple[Value, ...]

    def options(self) -> tuple[Value, ...]:
        return self.choices


def one_of(values: Iterable[Value]) -> Value:
    """The value that is one of ``values``: the value itself when they all
    agree, unknown when one of them is unknown or there are too many."""
    flat: list[Value] = []
    for value in values:
        for option in value.options():
            if option is UNKNOWN:
                return UNKNOWN
            if option not in flat:
                flat.append(option)
    if not flat or len(flat) > MAX_OPTIONS:
        return UNKNOWN
    return flat[0] if len(flat) == 1 else OneOf(tuple(flat))


def _same_key(a: Any, b: Any) -> bool:
    # 1 == 1.0 == True as dict keys, but "1" is not 1.
    return type(a) is type(b) and a == b or (_is_number(a) and _is_number(b) and a == b)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) or isinstance(value, bool)


def bounded(value: Any) -> Value:
    """``Const(value)``, or unknown for a value too large to keep."""
    if isinstance(value, bool) or value is None:
        return Const(value)
    if isinstance(value, int):
        # Compare magnitudes without converting to text (Python limits
        # int-to-str conversions to 4,300 digits).
        return Const(value) if value.bit_length() <= MAX_DIGITS * 3.33 else UNKNOWN
    if isinstance(value, float):
        return Const(value) if math.isfinite(value) else UNKNOWN
    if isinstance(value, (str, bytes)):
        return Const(value) if len(value) <= MAX_STRING else UNKNOWN
    return UNKNOWN


# -- reading values -------------------------------------------------------------


def as_int(value: Value) -> int | None:
    """The int ``value`` certainly is (every option the same int), else None."""
    if isinstance(value, Const) and isinstance(value.value, int) and not isinstance(value.value, bool):
        return value.value
    return None


def as_str(value: Value) -> str | None:
    if isinstance(value, Const) and isinstance(value.value, str):
        return value.value
    return None


def as_bool(value: Value) -> bool | None:
    if isinstance(value, Const) and isinstance(value.value, bool):
        return value.value
    return None


def truth(value: Value) -> bool | None:
    """Python's truth of ``value``, when certain."""
    options = value.options()
    verdicts = set()
    for option in options:
        if isinstance(option, Const):
            verdicts.add(bool(option.value))
        elif isinstance(option, (Sequence, Mapping)):
            if option.items:
                verdicts.add(True)
            elif not option.open:
                verdicts.add(False)
            else:
                return None
        else:
            return None
    return verdicts.pop() if len(verdicts) == 1 else None


def length(value: Value) -> Value:
    """``len(value)``."""
    return one_of(_length(option) for option in value.options())


def _length(value: Value) -> Value:
    if isinstance(value, Sequence) and not value.open:
        if value.kind == "set":
            keys = [item for item in value.items if isinstance(item, Const)]
            if len(keys) != len(value.items):
                return UNKNOWN
            return Const(len(_distinct(keys)))
        return Const(len(value.items))
    if isinstance(value, Mapping) and not value.open:
        keys = [key for key, _ in value.items]
        if not all(isinstance(key, Const) for key in keys):
            return UNKNOWN
        return Const(len(_distinct(keys)))  # type: ignore[arg-type]
    if isinstance(value, Const) and isinstance(value.value, (str, bytes)):
        return Const(len(value.value))
    return UNKNOWN


def _distinct(keys: list[Const]) -> list[Const]:
    seen: list[Const] = []
    for key in keys:
        if not any(_same_key(key.value, other.value) for other in seen):
            seen.append(key)
    return seen


def elements(value: Value) -> tuple[Value, ...] | None:
    """The elements of a sequence whose every element is known."""
    if isinstance(value, Sequence) and not value.open and value.kind != "set":
        return value.items
    if isinstance(value, Const) and isinstance(value.value, str) and len(value.value) <= MAX_ITEMS:
        return tuple(Const(c) for c in value.value)
    return None


def index(container: Value, key: Value) -> Value:
    """``container[key]``, for every option of each."""
    return one_of(_index(c, k) for c in container.options() for k in key.options())


def _index(container: Value, key: Value) -> Value:
    if isinstance(container, Mapping):
        if container.open:
            # A key that is known to be there still holds its value.
            found = container.get(key)
            return found
        return container.get(key)
    position = as_int(key)
    if position is None:
        return UNKNOWN
    if isinstance(container, Array):
        # ``a[i]``: the array of the other axes (a scalar from a 1-d array).
        if container.shape is None or len(container.shape) < 2:
            return UNKNOWN
        return Array(container.shape[1:])
    if isinstance(container, Sequence) and container.kind != "set":
        if position >= 0 and position < len(container.items):
            return container.items[position]
        if position < 0 and not container.open and -position <= len(container.items):
            return container.items[position]
        return UNKNOWN
    if isinstance(container, Const) and isinstance(container.value, (str, bytes)):
        try:
            item = container.value[position]
        except IndexError:
            return UNKNOWN
        return Const(item)
    return UNKNOWN


def slice_of(container: Value, start: Value | None, stop: Value | None, step: Value | None) -> Value:
    """``container[start:stop:step]`` for a known sequence or string, or an
    array (whatever the bounds: fewer rows, the other axes kept)."""
    if isinstance(container, Array):
        return Array(None if container.shape is None else (UNKNOWN, *container.shape[1:]))
    bounds = []
    for part in (start, stop, step):
        if part is None or (isinstance(part, Const) and part.value is None):
            bounds.append(None)
        else:
            number = as_int(part)
            if number is None:
                return UNKNOWN
            bounds.append(number)
    if bounds[2] == 0:
        return UNKNOWN
    if isinstance(container, Sequence) and not container.open and container.kind != "set":
        return Sequence(container.kind, container.items[slice(*bounds)])
    if isinstance(container, Const) and isinstance(container.value, (str, bytes)):
        return Const(container.value[slice(*bounds)])
    return UNKNOWN


_ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
    "**": operator.pow,
    "<<": operator.lshift,
    ">>": operator.rshift,
    "&": operator.and_,
    "|": operator.or_,
    "^": operator.xor,
}


def binary(operator_: str, left: Value, right: Value) -> Value:
    """``left <operator_> right`` for every pair of options."""
    return one_of(_binary(operator_, a, b) for a in left.options() for b in right.options())


def _binary(operator_: str, left: Value, right: Value) -> Value:
    if isinstance(left, Const) and isinstance(right, Const):
        a, b = left.value, right.value
        function = _ARITHMETIC.get(operator_)
        if function is None:
            return UNKNOWN
        numbers = all(isinstance(v, (int, float)) for v in (a, b))
        texts = isinstance(a, str) and isinstance(b, str) or isinstance(a, bytes) and isinstance(b, bytes)
        if numbers:
            if operator_ == "**" and (abs(b) > 64 or (isinstance(a, float) and abs(a) > 1e6)):
                return UNKNOWN
            if operator_ in ("<<", ">>") and (not isinstance(b, int) or b > 64 or b < 0):
                return UNKNOWN
            if (
                isinstance(a, int)
                and isinstance(b, int)
                and operator_ == "*"
                and (a.bit_length() + b.bit_length()) > 400
            ):
                return UNKNOWN
        elif texts:
            if operator_ != "+" or len(a) + len(b) > MAX_STRING:
                return UNKNOWN
        elif operator_ == "*" and (
            isinstance(a, str) and isinstance(b, int) or isinstance(b, str) and isinstance(a, int)
        ):
            text, count = (a, b) if isinstance(a, str) else (b, a)
            if count * len(text) > MAX_STRING:
                return UNKNOWN
        elif operator_ == "%" and isinstance(a, str):
            return UNKNOWN  # printf-style formatting: not needed, not modelled
        else:
            return UNKNOWN
        try:
            return bounded(function(a, b))
        except (ArithmeticError, ValueError, TypeError, OverflowError):
            return UNKNOWN
    same_kind = isinstance(left, Sequence) and isinstance(right, Sequence) and left.kind == right.kind
    if operator_ == "+" and same_kind and left.kind != "set" and not left.open:  # type: ignore[union-attr]
        items = left.items + right.items  # type: ignore[union-attr]
        return Sequence(left.kind, items, right.open) if len(items) <= MAX_ITEMS else UNKNOWN  # type: ignore[union-attr]
    if operator_ == "*" and isinstance(left, Sequence) and not left.open and left.kind != "set":
        count = as_int(right)
        if count is not None and count >= 0 and len(left.items) * count <= MAX_ITEMS:
            return Sequence(left.kind, left.items * count)
    return UNKNOWN


def unary(operator_: str, operand: Value) -> Value:
    return one_of(_unary(operator_, option) for option in operand.options())


def _unary(operator_: str, operand: Value) -> Value:
    if operator_ == "not":
        verdict = truth(operand)
        return UNKNOWN if verdict is None else Const(not verdict)
    if isinstance(operand, Const) and isinstance(operand.value, (int, float)):
        if operator_ == "-":
            return bounded(-operand.value)
        if operator_ == "+":
            return bounded(+operand.value)
        if operator_ == "~" and isinstance(operand.value, int):
            return bounded(~operand.value)
    return UNKNOWN


_COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def compare(operator_: str, left: Value, right: Value) -> Value:
    return one_of(_compare(operator_, a, b) for a in left.options() for b in right.options())


def _compare(operator_: str, left: Value, right: Value) -> Value:
    if isinstance(left, Const) and isinstance(right, Const):
        if operator_ in ("is", "is not"):
            if left.value is None or right.value is None or isinstance(left.value, bool):
                same = left.value is right.value
                return Const(same if operator_ == "is" else not same)
            return UNKNOWN
        function = _COMPARISONS.get(operator_)
        if function is None:
            return UNKNOWN
        try:
            return Const(bool(function(left.value, right.value)))
        except TypeError:
            return UNKNOWN
    if operator_ in ("in", "not in") and isinstance(left, Const):
        found = _contains(right, left)
        if found is None:
            return UNKNOWN
        return Const(found if operator_ == "in" else not found)
    return UNKNOWN


def _contains(container: Value, item: Const) -> bool | None:
    if isinstance(container, Sequence):
        if any(isinstance(e, Const) and _same_key(e.value, item.value) for e in container.items):
            return True
        if container.open or not all(isinstance(e, Const) for e in container.items):
            return None
        return False
    if isinstance(container, Mapping):
        if any(isinstance(k, Const) and _same_key(k.value, item.value) for k, _ in container.items):
            return True
        return None if container.open else False
    if isinstance(container, Const) and isinstance(container.value, str) and isinstance(item.value, str):
        return item.value in container.value
    return None


def iterate(value: Value) -> Iterator[Value] | None:
    """The values a ``for`` over ``value`` binds, when all are known."""
    if isinstance(value, Sequence) and not value.open:
        return iter(value.items)
    if isinstance(value, Mapping) and not value.open:
        return iter(key for key, _ in value.items)
    return None
