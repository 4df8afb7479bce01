"""A model made inside a branch or a loop body and grown there with
``add()``: the calls made in that very block, after the model, are certain
for it (model/extract.py ``_model_events``)."""

from __future__ import annotations

import pytest

from keraslint.checker import lint_text


def codes(code: str) -> list[str]:
    result = lint_text("m.py", code)
    assert not result.internal_errors
    return [d.code for d in result.diagnostics]


HEAD = "import sys\nimport keras\nfrom keras import layers\n"

BODY = """\
{indent}model = keras.Sequential()
{indent}model.add(layers.Dense(64, activation="relu"))
{indent}model.add(layers.Dense(1))
{indent}model.compile(optimizer="adam", loss="binary_crossentropy")
{indent}model.fit(x, y)
"""

BLOCKS = {
    "an if": "if len(sys.argv) > 1:\n",
    "an else": "if len(sys.argv) > 1:\n    pass\nelse:\n",
    "a for over widths": "for width in (16, 32):\n",
    "a while": "while True:\n",
    "a try": "try:\n",
    "a with": "with open('log.txt') as log:\n",
    "a function's if": "def main():\n  if sys.argv:\n",
}


@pytest.mark.parametrize("block", list(BLOCKS))
def test_a_model_grown_in_the_block_it_is_made_in(block: str) -> None:
    header = BLOCKS[block]
    depth = header.count(":\n")
    indent = "    " if depth == 1 else "    " * 1 + "  "
    if block == "a function's if":
        indent = "    "
        code = HEAD + header + BODY.format(indent=indent) + "main()\n"
    else:
        code = HEAD + header + BODY.format(indent=indent)
    if block == "a try":
        code += "except ImportError:\n    pass\n"
    assert codes(code) == ["KL106"]


UNCERTAIN = {
    # The last layer added under a condition inside the block.
    "an add in a nested if": """\
if len(sys.argv) > 1:
    model = keras.Sequential()
    model.add(layers.Dense(64, activation="relu"))
    if sys.argv[1] == "x":
        model.add(layers.Dense(1))
    model.compile(optimizer="adam", loss="binary_crossentropy")
""",
    # Added in a comprehension: zero or more times.
    "adds in a comprehension": """\
if len(sys.argv) > 1:
    model = keras.Sequential()
    [model.add(layers.Dense(1)) for _ in range(int(sys.argv[1]))]
    model.compile(optimizer="adam", loss="binary_crossentropy")
""",
    # Added by a callback, later.
    "an add in a lambda": """\
if len(sys.argv) > 1:
    model = keras.Sequential([layers.Dense(1, activation="sigmoid")])
    grow = lambda: model.add(layers.Dense(1))
    model.compile(optimizer="adam", loss="binary_crossentropy")
""",
    # Made before the loop, grown in it a number of times not known.
    "adds in a loop after the model": """\
model = keras.Sequential([layers.Dense(8, activation="relu")])
for _ in range(int(sys.argv[1])):
    model.add(layers.Dense(1))
model.add(layers.Activation("sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
""",
    # A conditional expression picks the layer.
    "a conditional add": """\
if len(sys.argv) > 1:
    model = keras.Sequential()
    model.add(layers.Dense(1)) if sys.argv[1] == "x" else None
    model.add(layers.Activation("sigmoid"))
    model.compile(optimizer="adam", loss="binary_crossentropy")
""",
}


@pytest.mark.parametrize("case", list(UNCERTAIN))
def test_calls_not_certain_in_the_block_are_not_trusted(case: str) -> None:
    assert codes(HEAD + UNCERTAIN[case]) == []
