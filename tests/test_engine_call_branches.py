"""Branches a builder's call decides (``model/branches.py``): in a builder
called with known arguments, an ``if`` whose test reads them runs only one
side for that call. Each shape is written several ways, with a correct twin
that stays silent and a tricky correct case (a test that stays unknown)."""

from __future__ import annotations

import textwrap

import pytest

from keraslint.config import Settings
from keraslint.runner import check_bytes


def codes(program: str) -> list[tuple[str, int]]:
    result = check_bytes("model.py", textwrap.dedent(program).encode(), Settings())
    assert not result.internal_errors
    assert all(d.code != "KL001" for d in result.diagnostics), result.diagnostics
    return sorted((d.code, d.span.start.line) for d in result.diagnostics if d.code[:3] in ("KL1", "KL2"))


DECIDED = [
    # A set membership with the default None: the activation is never added.
    (
        """\
        from tensorflow.keras import layers
        from tensorflow.keras.models import Model
        def build(classes=3, activation=None):
            inp = layers.Input(shape=(8,))
            x = layers.Dense(classes)(inp)
            if activation in {"softmax", "sigmoid"}:
                x = layers.Activation(activation)(x)
            return Model(inp, x)
        model = build(classes=4)
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(x_train, y_train)
        """,
        [("KL106", 10)],
    ),
    # A comparison with a string given at the call, an else side that runs.
    (
        """\
        import keras
        def make(units, head):
            inputs = keras.Input((16,))
            out = keras.layers.Dense(units)(inputs)
            if head == "softmax":
                out = keras.layers.Softmax()(out)
            else:
                out = keras.layers.Dense(units)(out)
            return keras.Model(inputs, out)
        net = make(5, "linear")
        net.compile(loss=keras.losses.CategoricalCrossentropy())
        net.fit(x, y)
        """,
        [("KL106", 11)],
    ),
    # A boolean flag given True: the softmax is certain, the loss expects logits.
    (
        """\
        import tensorflow as tf
        def get_model(n, probabilities=False):
            i = tf.keras.Input(shape=(4,))
            h = tf.keras.layers.Dense(n)(i)
            if probabilities:
                h = tf.keras.layers.Activation("softmax")(h)
            return tf.keras.Model(i, h)
        m = get_model(3, probabilities=True)
        m.compile("adam", loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        m.fit(x, y)
        """,
        [("KL105", 9)],
    ),
    # An int flag (a config's ``return_softmax: 1``): ``if 1:`` runs its body.
    (
        """\
        import tensorflow as tf
        def kws_model(label_count, return_softmax=0):
            inputs = tf.keras.Input(shape=(98, 40))
            net = tf.keras.layers.GRU(64)(inputs)
            net = tf.keras.layers.Dense(label_count)(net)
            if return_softmax:
                net = tf.keras.layers.Activation("softmax")(net)
            return tf.keras.Model(inputs, net)
        model = kws_model(12, return_softmax=1)
        model.compile(loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        model.fit(x, y)
        """,
        [("KL105", 10)],
    ),
    # A string's truth: an activation name given (not None, not empty) is applied.
    (
        """\
        from tensorflow import keras
        def head(width, final=None):
            inputs = keras.Input(shape=(20,))
            out = keras.layers.Dense(width)(inputs)
            if final:
                out = keras.layers.Activation(final)(out)
            return keras.Model(inputs, out)
        clf = head(1, "sigmoid")
        clf.compile(loss=keras.losses.BinaryCrossentropy(from_logits=True))
        clf.fit(x, y)
        """,
        [("KL105", 9)],
    ),
]


@pytest.mark.parametrize(("program", "expected"), DECIDED)
def test_a_call_decides_its_builders_branch(program: str, expected: list[tuple[str, int]]) -> None:
    assert codes(program) == expected


TWINS = [
    # The same builder asked for its softmax.
    DECIDED[0][0].replace("build(classes=4)", 'build(classes=4, activation="softmax")'),
    DECIDED[1][0].replace('make(5, "linear")', 'make(5, "softmax")'),
    # The flag left at its default: logits, as the loss expects.
    DECIDED[2][0].replace("get_model(3, probabilities=True)", "get_model(3)"),
    # ``if 0:`` and ``if None:`` never run their body: the logits stay logits.
    DECIDED[3][0].replace("kws_model(12, return_softmax=1)", "kws_model(12, return_softmax=0)"),
    DECIDED[4][0].replace('head(1, "sigmoid")', "head(1)"),
    DECIDED[4][0].replace('head(1, "sigmoid")', 'head(1, "")'),
]


@pytest.mark.parametrize("program", TWINS)
def test_decided_branch_twins_are_silent(program: str) -> None:
    assert codes(program) == []


def test_a_test_the_call_does_not_decide_keeps_both_sides() -> None:
    # The activation comes from the command line: either side may run.
    program = """\
        import sys
        from tensorflow.keras import layers
        from tensorflow.keras.models import Model
        def build(classes=3, activation=None):
            inp = layers.Input(shape=(8,))
            x = layers.Dense(classes)(inp)
            if activation in {"softmax", "sigmoid"}:
                x = layers.Activation(activation)(x)
            return Model(inp, x)
        model = build(classes=4, activation=sys.argv[1])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(x_train, y_train)
        """
    assert codes(program) == []
