"""The value engine on expressions alone: Python's semantics, checked
against Python itself where the value is known, and UNKNOWN (never an
error) where it is not."""

from __future__ import annotations

from typing import Any

import libcst as cst
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keraslint.analysis import values as v
from keraslint.analysis.evaluate import Evaluator
from keraslint.analysis.values import UNKNOWN, Const, Mapping, OneOf, Sequence


class Names:
    """An environment of module constants given as source expressions."""

    def __init__(self, **bindings: str) -> None:
        self.bindings = {name: cst.parse_expression(code) for name, code in bindings.items()}
        self.evaluator = Evaluator(self)

    def name(self, name: str, context: Any) -> v.Value | None:
        if name not in self.bindings:
            return None
        return self.evaluator.evaluate(self.bindings[name], context)

    def attribute(self, node, context, evaluate) -> v.Value:
        return UNKNOWN

    def call(self, node, context, evaluate) -> v.Value | None:
        return None


def value_of(code: str, **bindings: str) -> v.Value:
    names = Names(**bindings)
    return names.evaluator.evaluate(cst.parse_expression(code), None)


def python(value: v.Value) -> Any:
    if isinstance(value, Const):
        return value.value
    if isinstance(value, Sequence):
        items = [python(item) for item in value.items]
        return {"tuple": tuple, "list": list, "set": set}[value.kind](items)
    if isinstance(value, Mapping):
        return {python(key): python(item) for key, item in value.items}
    raise AssertionError(value)


@pytest.mark.parametrize(
    "code",
    [
        "len(CLASSES)",
        "len(CLASSES) + 1",
        "int(len(CLASSES) / 2)",
        "CONFIG['n_classes']",
        "CONFIG.get('n_classes')",
        "CONFIG.get('missing', 7)",
        "len(CONFIG['labels'])",
        "max(3, len(CLASSES))",
        "min([4, 2, 9])",
        "CLASSES[-1]",
        "CLASSES[1:]",
        "len(set(LABELS))",
        "len(sorted(set(LABELS)))",
        "LOSS.lower()",
        "f'{PREFIX}_crossentropy'",
        "'binary' + '_crossentropy'",
        "NUM if NUM > 2 else 1",
        "2 ** 3 // 3",
        "len({**CONFIG, 'extra': 1})",
        "len(dict(a=1, b=2))",
        "list(CONFIG)[0]",
        "sum([1, 2, 3])",
        "len(range(2, 10, 3))",
        "CLASSES.index('dog')",
        "not CLASSES",
        "(A, B)[1]",
        "len(CLASSES * 2)",
        "-NUM",
        "NUM == 4 and 'yes' or 'no'",
        "'a,b,c'.split(',')",
        "len({ch: i + 1 for i, ch in enumerate(LOSS)}) + 1",
        "[c.upper() for c in CLASSES if c != 'dog']",
        "{n % 2 for n in LABELS}",
        "sum(n for n in LABELS)",
        "[(a, b) for a in range(3) for b in range(a) if a + b > 1]",
        "{k: v for k, v in zip(CLASSES, LABELS)}",
        "list(enumerate(CLASSES, start=1))",
        "max(len(c) for c in CLASSES)",
    ],
)
def test_known_values_agree_with_python(code: str) -> None:
    bindings = {
        "CLASSES": "['cat', 'dog', 'bird']",
        "LABELS": "[0, 1, 1, 2, 0]",
        "CONFIG": "{'n_classes': 4, 'labels': ('a', 'b'), 'loss': 'mse'}",
        "LOSS": "'Binary_Crossentropy'",
        "PREFIX": "'categorical'",
        "NUM": "4",
        "A": "1",
        "B": "'b'",
    }
    expected = eval(code, {}, {name: eval(source) for name, source in bindings.items()})  # noqa: S307
    assert python(value_of(code, **bindings)) == expected


@pytest.mark.parametrize(
    "code",
    [
        "len(x)",  # x unbound: a builtin? no such builtin: unknown
        "CONFIG[key]",
        "f'{x}'",
        "y.shape[1]",
        "open('f').read()",
        "len(CLASSES) if flag else 3",  # one of two: not one int
        "10 ** 10000",
        "'a' * 10**9",
        "[0] * 10**9",
        "1 << 10000",
        "int('9' * 5000)",
        "CONFIG['missing']",
        "1 / 0",
        "lambda: 1",
        "a[1, 2]",
        "len([c for c in unknown_list])",
        "len([c for c in CLASSES if unknown(c)])",
        "len({key(c): c for c in CLASSES})",
        "len([c for (c, d) in CLASSES])",
    ],
)
def test_what_is_not_certain_is_unknown(code: str) -> None:
    value = value_of(code, CLASSES="['a', 'b']", CONFIG="{'n': 1}")
    assert v.as_int(value) is None or code == "len(CLASSES) if flag else 3"
    assert not isinstance(value, Const) or code in ("len(CLASSES) if flag else 3",)


def test_branches_give_one_of() -> None:
    value = value_of("A if flag else B", A="1", B="3")
    assert isinstance(value, OneOf) and {python(option) for option in value.options()} == {1, 3}
    assert v.as_int(value) is None
    assert v.as_int(value_of("A if flag else B", A="2", B="2")) == 2  # both the same


def test_a_name_defined_through_itself_is_unknown() -> None:
    assert value_of("A", A="B + 1", B="A + 1") is UNKNOWN


def test_ten_thousand_chained_names_end_unknown() -> None:
    bindings = {f"n{i}": f"n{i + 1}" for i in range(10_000)}
    bindings["n10000"] = "1"
    assert value_of("n0", **bindings) is UNKNOWN  # beyond the depth limit
    assert v.as_int(value_of("n9990", **bindings)) == 1


def test_absurd_literals_are_unknown() -> None:
    assert value_of("0x" + "f" * 4000) is UNKNOWN
    assert value_of("1e999") is UNKNOWN


def test_a_rebound_builtin_is_not_the_builtin() -> None:
    assert value_of("len(CLASSES)", CLASSES="[1, 2]", len="print") is UNKNOWN


JSONISH = st.recursive(
    st.integers(-1000, 1000) | st.text(max_size=5) | st.booleans() | st.none(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=3), children, max_size=4),
    max_leaves=10,
)


@settings(max_examples=300, deadline=None, database=None)
@given(JSONISH, st.sampled_from(["len(X)", "X", "X[0]", "list(X)", "sorted(X)", "X[1:]", "bool(X)", "not X"]))
def test_containers_agree_with_python(data: Any, operation: str) -> None:
    source = repr(data)
    try:
        expected = eval(operation, {}, {"X": data})  # noqa: S307
    except Exception:  # noqa: BLE001 - Python raises: the engine must not claim a value
        expected = KeyError
    value = value_of(operation, X=source)
    if value is UNKNOWN:
        return  # not knowing is always allowed
    assert expected is not KeyError
    assert python(value) == expected


def test_a_huge_comprehension_is_unknown_and_cheap() -> None:
    class Counting:
        steps = 0

        def spend(self, steps: int = 1) -> None:
            self.steps += steps

    budget = Counting()
    names = Names()
    names.evaluator = Evaluator(names, budget)
    code = "len([[[i for i in range(10000)] for j in range(10000)] for k in range(10000)])"
    assert names.evaluator.evaluate(cst.parse_expression(code), None) is UNKNOWN
    assert budget.steps < 50_000
    # The allowance is per outermost comprehension: the next one is known.
    assert names.evaluator.evaluate(cst.parse_expression("len([i for i in range(100)])"), None) == Const(100)


def test_array_shapes_follow_numpy() -> None:
    import numpy as np

    from keraslint.analysis.values import Array, index, reshape, slice_of

    column = reshape(Array((UNKNOWN,)), [Const(-1), Const(1)])
    assert column == Array((UNKNOWN, Const(1)))
    assert np.zeros(7).reshape(-1, 1).shape[1] == 1
    # Rows sliced, whatever the bounds: the other axes are kept (as NumPy does).
    assert slice_of(column, None, UNKNOWN, None) == Array((UNKNOWN, Const(1)))
    assert np.zeros((7, 1))[:3].shape[1:] == (1,)
    # ``a[i]`` of a 2-d array is a row; of a 1-d array, a scalar (unknown here).
    assert index(Array((UNKNOWN, Const(4))), Const(0)) == Array((Const(4),))
    assert index(Array((UNKNOWN,)), Const(0)) is UNKNOWN
    # Two inferred axes, or sizes that are not ints, are no shape NumPy accepts.
    assert reshape(Array(), [Const(-1), Const(-1)]) is UNKNOWN
    assert reshape(Array(), [Const("a")]) is UNKNOWN
    assert reshape(UNKNOWN, [Const(1)]) is UNKNOWN
