"""A model held in ``self.<attr>`` and used in the method that sets it.

``self.model = build(10)`` then ``self.model.compile(...)`` and
``self.model.fit(...)`` in one method read like a local name, as long as
nothing else in the file can compile, change or rebind the model in
between (``model/held.py``).
"""

from __future__ import annotations

import pytest

from keraslint.checker import lint_text

HEAD = """\
from keras import Sequential, layers


def build(n):
    return Sequential([layers.Input((4,)), layers.Dense(n, activation="softmax")])


class Trainer:
"""


def codes(code: str) -> list[tuple[str, int]]:
    result = lint_text("m.py", code)
    assert not result.internal_errors
    return [(d.code, d.span.start.line) for d in result.diagnostics]


FOUND = {
    "built by a builder": (
        "    def run(self, x, y):\n"
        "        self.model = build(10)\n"
        "        self.model.compile(loss='mse')\n"
        "        self.model.fit(x, y)\n"
        "        return self.model.predict(x)\n"
    ),
    "built in place, fitted from outside": (
        "    def run(self, x, y):\n"
        "        self.model = Sequential([layers.Input((4,)), layers.Dense(10, activation='softmax')])\n"
        "        self.model.compile(loss='mse')\n"
        "        self.model.fit(x, y)\n"
        "\n"
        "t = Trainer()\n"
        "t.run(None, None)\n"
        "t.model.evaluate(None, None)\n"
    ),
    "the last of two compiles in the method": (
        "    def run(self, x, y):\n"
        "        self.model = build(10)\n"
        "        self.model.compile(loss='categorical_crossentropy')\n"
        "        self.model.compile(loss='mse')\n"
        "        self.model.fit(x, y)\n"
    ),
}


@pytest.mark.parametrize("case", list(FOUND))
def test_a_model_held_on_self_is_followed_in_its_method(case: str) -> None:
    program = HEAD + FOUND[case]
    line = next(n for n, text in enumerate(program.splitlines(), 1) if "loss='mse'" in text)
    assert ("KL108", line) in codes(program)


SILENT = {
    "compiled again by another method before the fit": (
        "    def run(self, x, y):\n"
        "        self.model = build(10)\n"
        "        self.model.compile(loss='mse')\n"
        "        self.recompile()\n"
        "        self.model.fit(x, y)\n"
        "\n"
        "    def recompile(self):\n"
        "        self.model.compile(loss='categorical_crossentropy')\n"
    ),
    "rebound by another method": (
        "    def run(self, x, y):\n"
        "        self.model = build(10)\n"
        "        self.model.compile(loss='mse')\n"
        "        self.reset()\n"
        "        self.model.fit(x, y)\n"
        "\n"
        "    def reset(self):\n"
        "        self.model = build(1)\n"
    ),
    "given to a helper": (
        "    def run(self, x, y):\n"
        "        self.model = build(10)\n"
        "        self.model.compile(loss='mse')\n"
        "        fix(self.model)\n"
        "        self.model.fit(x, y)\n"
    ),
    "compiled again from outside": (
        "    def run(self, x, y):\n"
        "        self.model = build(10)\n"
        "        self.model.compile(loss='mse')\n"
        "\n"
        "t = Trainer()\n"
        "t.run(None, None)\n"
        "t.model.compile(loss='categorical_crossentropy')\n"
    ),
    "its output layer changed": (
        "    def run(self, x, y):\n"
        "        self.model = build(10)\n"
        "        self.model.layers[-1].activation = None\n"
        "        self.model.compile(loss='mse')\n"
        "        self.model.fit(x, y)\n"
    ),
    "attributes set dynamically": (
        "    def run(self, x, y):\n"
        "        self.model = build(10)\n"
        "        setattr(self, 'model', build(1))\n"
        "        self.model.compile(loss='mse')\n"
    ),
    "a correct classifier": (
        "    def run(self, x, y):\n"
        "        self.model = build(10)\n"
        "        self.model.compile(loss='categorical_crossentropy')\n"
        "        self.model.fit(x, y)\n"
    ),
    "compiled right before the fit": (
        "    def run(self, x, y):\n"
        "        self.model = build(10)\n"
        "        self.model.compile(loss='mse')\n"
        "        self.model.compile(loss='categorical_crossentropy')\n"
        "        self.model.fit(x, y)\n"
    ),
    "another class's model of the same attribute name": (
        "    def run(self, x, y):\n"
        "        self.model = build(10)\n"
        "        self.model.compile(loss='mse')\n"
        "\n"
        "class Other:\n"
        "    def go(self):\n"
        "        return self.model\n"
    ),
}


@pytest.mark.parametrize("case", list(SILENT))
def test_a_model_held_on_self_that_may_change_is_unknown(case: str) -> None:
    assert [c for c in codes(HEAD + SILENT[case]) if c[0] == "KL108"] == []


# Bound once in ``__init__``, used by the other methods.
INIT = """\
from keras import Sequential, layers


class Trainer:
    def __init__(self, n=10):
        self.model = Sequential([layers.Input((4,)), layers.Dense(10, activation="softmax")])

"""

FROM_INIT = {
    "compiled and fitted in one method": (
        "    def train(self, x, y):\n        self.model.compile(loss='mse')\n        self.model.fit(x, y)\n"
    ),
    "compiled in one method, fitted in another": (
        "    def prepare(self):\n"
        "        self.model.compile(loss='mse')\n"
        "\n"
        "    def train(self, x, y):\n"
        "        self.model.fit(x, y)\n"
        "        return self.model.predict(x)\n"
    ),
    "used from outside the class": (
        "    def prepare(self):\n"
        "        self.model.compile(loss='mse')\n"
        "\n"
        "t = Trainer()\n"
        "t.prepare()\n"
        "t.model.fit(None, None)\n"
    ),
}


@pytest.mark.parametrize("case", list(FROM_INIT))
def test_a_model_bound_in_init_is_followed_in_the_other_methods(case: str) -> None:
    program = INIT + FROM_INIT[case]
    line = next(n for n, text in enumerate(program.splitlines(), 1) if "loss='mse'" in text)
    assert ("KL108", line) in codes(program)


FROM_INIT_SILENT = {
    "compiled in two methods": (
        "    def prepare(self):\n"
        "        self.model.compile(loss='mse')\n"
        "\n"
        "    def fix(self):\n"
        "        self.model.compile(loss='categorical_crossentropy')\n"
    ),
    "rebound in another method": (
        "    def prepare(self):\n"
        "        self.model.compile(loss='mse')\n"
        "\n"
        "    def reset(self):\n"
        "        self.model = Sequential([layers.Input((4,)), layers.Dense(1)])\n"
    ),
    "handed out by a method": (
        "    def prepare(self):\n"
        "        self.model.compile(loss='mse')\n"
        "\n"
        "    def get(self):\n"
        "        return self.model\n"
    ),
    "compiled in a nested function": (
        "    def prepare(self):\n        def go():\n            self.model.compile(loss='mse')\n        go()\n"
    ),
    "compiled again from outside": (
        "    def prepare(self):\n"
        "        self.model.compile(loss='mse')\n"
        "\n"
        "t = Trainer()\n"
        "t.prepare()\n"
        "t.model.compile(loss='categorical_crossentropy')\n"
    ),
    "a correct classifier": (
        "    def train(self, x, y):\n"
        "        self.model.compile(loss='categorical_crossentropy')\n"
        "        self.model.fit(x, y)\n"
    ),
}


@pytest.mark.parametrize("case", list(FROM_INIT_SILENT))
def test_a_model_bound_in_init_that_may_change_is_unknown(case: str) -> None:
    assert [c for c in codes(INIT + FROM_INIT_SILENT[case]) if c[0] == "KL108"] == []


def test_a_model_bound_in_a_branch_of_init_is_unknown() -> None:
    program = (
        INIT.replace("        self.model = ", "        if n:\n            self.model = ")
        + FROM_INIT["compiled and fitted in one method"]
    )
    assert [c for c in codes(program) if c[0] == "KL108"] == []


def test_fits_elsewhere_are_not_paired_when_init_compiles_too() -> None:
    # ``evaluate_now`` may run before or after ``retrain``: which compile its
    # fit trains with is not known, so its targets are paired with neither.
    program = INIT.replace(
        'layers.Dense(10, activation="softmax")])\n',
        "layers.Dense(10, activation=\"softmax\")])\n        self.model.compile(loss='sparse_categorical_crossentropy')\n",
    ) + (
        "    def retrain(self):\n"
        "        self.model.compile(loss='categorical_crossentropy')\n"
        "\n"
        "    def evaluate_now(self):\n"
        "        self.model.fit(np.zeros((4, 4)), np.array([0, 1, 2, 3]))\n"
    )
    program = "import numpy as np\n" + program
    assert not [c for c in codes(program) if c[0] == "KL202"]
    # Without the compile in ``__init__``, the fit trains with ``retrain``'s.
    without = program.replace("        self.model.compile(loss='sparse_categorical_crossentropy')\n", "")
    assert [c[0] for c in codes(without)] == ["KL202"]


def test_a_compiling_method_that_init_calls_is_unknown() -> None:
    # ``prepare`` runs inside ``__init__``, before its compile: the order of
    # the two compiles is not the order of the methods.
    program = INIT.replace(
        'layers.Dense(10, activation="softmax")])\n',
        'layers.Dense(10, activation="softmax")])\n        self.prepare()\n'
        "        self.model.compile(loss='categorical_crossentropy')\n",
    ) + ("    def prepare(self):\n        self.model.compile(loss='mse')\n")
    assert [c for c in codes(program) if c[0] == "KL108"] == []
