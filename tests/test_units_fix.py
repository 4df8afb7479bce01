"""KL204's fix: the unit count written as the class count, only where it is
an integer literal in the output layer's own call (keraslint.fixes accepts
an integer literal replaced by another, nothing else)."""

from __future__ import annotations

import pytest

from keraslint.checker import lint_text
from keraslint.diagnostics import Position, Replacement, Span
from keraslint.fixes import NotFixed, apply_fixes, wanted_fixes

CIFAR = """\
import keras
(x, y), _ = keras.datasets.cifar100.load_data()
{define}model = {make}
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y)
"""


def kl204(code: str):
    (diagnostic,) = [d for d in lint_text("m.py", code).diagnostics if d.code == "KL204"]
    return diagnostic


def test_the_unit_count_becomes_the_class_count() -> None:
    code = CIFAR.format(define="", make='keras.Sequential([keras.layers.Dense(10, activation="softmax")])')
    fix = kl204(code).fix
    assert fix is not None and not fix.safe and fix.text == "100"
    fixed, applied = apply_fixes(code, wanted_fixes([kl204(code)], unsafe=True))
    assert applied == 1
    assert 'keras.layers.Dense(100, activation="softmax")' in fixed
    assert [d.code for d in lint_text("m.py", fixed).diagnostics] == []


@pytest.mark.parametrize(
    ("define", "make"),
    [
        # A name: the constant may be used elsewhere.
        ("UNITS = 10\n", 'keras.Sequential([keras.layers.Dense(UNITS, activation="softmax")])'),
        # An expression.
        ("", 'keras.Sequential([keras.layers.Dense(5 * 2, activation="softmax")])'),
        # A builder: its other calls share the literal.
        (
            'def build(n):\n    return keras.Sequential([keras.layers.Dense(n, activation="softmax")])\n',
            "build(10)",
        ),
    ],
)
def test_no_fix_where_the_count_is_not_written_in_the_layer(define: str, make: str) -> None:
    assert kl204(CIFAR.format(define=define, make=make)).fix is None


def test_no_fix_when_the_classes_are_only_a_lower_bound() -> None:
    code = """\
import keras
model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit([[0, 1], [1, 1], [1, 0], [0, 0]], [1, 2, 3, 4])
"""
    assert kl204(code).fix is None


def test_an_integer_fix_applies_only_to_an_integer_literal() -> None:
    code = 'model = Dense(10, name="x")\n'
    on_name = Replacement(Span(Position(1, 8), Position(1, 13)), "100", False)  # ``Dense``
    with pytest.raises(NotFixed):
        apply_fixes(code, [on_name])
    on_integer = Replacement(Span(Position(1, 14), Position(1, 16)), "100", False)
    assert apply_fixes(code, [on_integer]) == ('model = Dense(100, name="x")\n', 1)
    to_string = Replacement(Span(Position(1, 14), Position(1, 16)), '"a"', False)
    with pytest.raises(NotFixed):
        apply_fixes(code, [to_string])
