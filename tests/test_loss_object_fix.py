"""KL106 on a loss string: ``loss="binary_crossentropy"`` becomes
``keras.losses.BinaryCrossentropy(from_logits=True)`` only where ``keras``
is provably the Keras module (keraslint.loss_object_fix)."""

from __future__ import annotations

import pytest

from keraslint.checker import lint_text
from keraslint.fixes import NotFixed, apply_fixes, wanted_fixes
from keraslint.loss_object_fix import holds

LINEAR = 'model = keras.Sequential([keras.layers.Dense(4)])\nmodel.compile(optimizer="adam", loss="categorical_crossentropy")\n'
FIXED = LINEAR.replace('"categorical_crossentropy"', "keras.losses.CategoricalCrossentropy(from_logits=True)")


def fixes_of(code: str) -> list:
    diagnostics = lint_text("m.py", code).diagnostics
    assert "KL106" in [d.code for d in diagnostics], diagnostics
    return wanted_fixes(diagnostics, unsafe=True)


@pytest.mark.parametrize("head", ["import keras\n", "from tensorflow import keras\n", "import os\nimport keras\n"])
def test_the_loss_object_where_keras_is_the_module(head: str) -> None:
    fixes = fixes_of(head + LINEAR)
    assert [(f.requires, f.safe) for f in fixes] == [("keras", False)]
    assert apply_fixes(head + LINEAR, fixes) == (head + FIXED, 1)


def test_inside_a_function_after_the_import() -> None:
    code = "import keras\n\ndef build():\n" + "".join("    " + line + "\n" for line in LINEAR.splitlines())
    fixed, _ = apply_fixes(code, fixes_of(code))
    assert '    model.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n' in fixed


UNPROVEN = [
    # ``keras`` is not that module, or not provably so: no fix.
    "import keras as K\nkeras = K\n",  # bound twice, the second not an import
    "import tensorflow as tf\nkeras = tf.keras\n",  # an assignment, not an import
    "try:\n    import keras\nexcept ImportError:\n    keras = None\n",  # conditional
    "import keras\nimport other as keras\n",  # two imports
    "import keras\nkeras = None\nimport keras\n",
    "from mylib import keras\n",  # not tensorflow's
    "import keras\ndel keras\nimport tensorflow.keras as keras\n",
    "import keras\nimport keras.layers\n",  # a second import binding the name
    "from os import *\nimport keras\n",  # a star import may bind it
    "import keras\nfor keras in range(3):\n    pass\n",
    "import keras\nwith open('f') as keras:\n    pass\n",
    "import keras\ntry:\n    pass\nexcept Exception as keras:\n    pass\n",
    "import keras\nclass keras:\n    pass\n",
    "import keras\ndef helper():\n    global keras\n    keras = None\n",
]


def placed(code: str) -> bool:
    """Whether the fix of the loss literal in ``code`` is kept by ``place``."""
    from keraslint.diagnostics import Position, Span
    from keraslint.loss_object_fix import loss_object_fix, place

    literal = '"categorical_crossentropy"'
    before = code[: code.index(literal)]
    line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1)
    span = Span(Position(line, column), Position(line, column + len(literal)))
    return place(code, loss_object_fix(span, "keras.losses.X(from_logits=True)", False)) is not None


def test_place_keeps_the_fix_where_keras_is_the_module() -> None:
    assert placed("import keras\n" + LINEAR)
    assert placed("from tensorflow import keras\n" + LINEAR)


@pytest.mark.parametrize("head", UNPROVEN)
def test_no_fix_where_keras_is_not_provably_the_module(head: str) -> None:
    assert not placed(head + LINEAR)
    # Through the rule too, where the engine sees the model.
    assert all(d.fix is None for d in lint_text("m.py", head + LINEAR).diagnostics if d.code == "KL106")


def test_no_fix_when_keras_is_shadowed_in_the_function() -> None:
    code = "import keras\n\ndef build(keras):\n" + "".join("    " + line + "\n" for line in LINEAR.splitlines())
    assert not placed(code)
    assert placed(code.replace("build(keras)", "build(k)"))


def test_no_fix_for_a_loss_string_written_elsewhere_or_shared() -> None:
    constant = 'import keras\nLOSS = "categorical_crossentropy"\n' + LINEAR.replace(
        '"categorical_crossentropy"', "LOSS"
    )
    assert all(d.fix is None for d in lint_text("m.py", constant).diagnostics if d.code == "KL106")


def test_holds_reads_the_result_as_python_does() -> None:
    before = 'a = f(loss="x")\nb = "x"\n'
    new = "keras.losses.X(from_logits=True)"
    assert holds(before, f'a = f(loss={new})\nb = "x"\n', '"x"', new)
    assert holds(before, f'a = f(loss="x")\nb = {new}\n', "'x'", new)
    assert not holds(before, f"a = f(loss={new})\nb = {new}\n", '"x"', new)  # two replaced
    assert not holds(before, f'a = g(loss={new})\nb = "x"\n', '"x"', new)  # more changed
    assert not holds(before, 'a = f(loss="y")\nb = "x"\n', '"x"', new)


def test_apply_refuses_an_expression_fix_on_what_is_not_a_literal() -> None:
    from keraslint.diagnostics import Replacement

    code = "import keras\n" + LINEAR
    (fix,) = fixes_of(code)
    # The same fix moved onto ``optimizer="adam"``'s neighbour, the name ``model``.
    wrong = Replacement(
        type(fix.span)(fix.span.start.__class__(3, 0), fix.span.start.__class__(3, 5)),
        fix.text,
        False,
        requires="keras",
    )
    with pytest.raises(NotFixed):
        apply_fixes(code, [wrong])
