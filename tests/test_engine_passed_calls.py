"""A model made in the very call that hands it to a helper
(``train(build_model(flags), x, y)``): the helper's ``compile`` and ``fit`` on
that parameter train it, as when the model is named first
(``model = build_model(flags)``, then ``train(model, x, y)``)."""

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


FOUND = [
    # A builder's model passed straight to the function that compiles it.
    (
        """\
        import tensorflow as tf
        def build():
            inputs = tf.keras.Input(shape=(40,))
            net = tf.keras.layers.Dense(12)(inputs)
            net = tf.keras.layers.Activation("softmax")(net)
            return tf.keras.Model(inputs, net)
        def train(model, x, y):
            model.compile(loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
            return model.fit(x, y)
        if __name__ == "__main__":
            train(build(), x_train, y_train)
        """,
        [("KL105", 8)],
    ),
    # A Sequential written in the argument, passed as the helper's second parameter.
    (
        """\
        from tensorflow import keras
        def run(optimizer, net, data, labels):
            net.compile(optimizer=optimizer, loss="binary_crossentropy")
            net.fit(data, labels)
        run("adam", keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(3, activation="softmax")]), x, y)
        """,
        [("KL102", 3)],
    ),
    # A builder given arguments, its result passed to a helper with the loss.
    (
        """\
        from keras import layers, models
        def make(classes):
            return models.Sequential([layers.Dense(64, activation="relu"), layers.Dense(classes, activation="softmax")])
        def fit_with(model, loss):
            model.compile(optimizer="adam", loss=loss)
            model.fit(features, targets)
        fit_with(make(10), "binary_crossentropy")
        """,
        [("KL102", 7)],
    ),
]


@pytest.mark.parametrize(("program", "expected"), FOUND)
def test_a_model_made_in_the_argument_is_trained_by_the_helper(program: str, expected: list[tuple[str, int]]) -> None:
    assert codes(program) == expected


SILENT = [
    # The correct twins: logits with from_logits=True, categorical losses on the softmax.
    FOUND[0][0].replace('net = tf.keras.layers.Activation("softmax")(net)', "pass"),
    FOUND[1][0].replace('loss="binary_crossentropy"', 'loss="categorical_crossentropy"'),
    FOUND[2][0].replace('"binary_crossentropy"', '"categorical_crossentropy"'),
    # The helper only prints the model it is given; the compiled one is another.
    """\
    from tensorflow import keras
    def build():
        return keras.Sequential([keras.layers.Dense(3, activation="softmax")])
    def show(model):
        model.summary()
    show(build())
    other = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
    other.compile(loss="binary_crossentropy")
    other.fit(x, y)
    """,
    # The model is passed by name; the call passed is the data (no model).
    """\
    import numpy as np
    from tensorflow import keras
    def train(model, x, y):
        model.compile(loss="sparse_categorical_crossentropy")
        model.fit(x, y)
    model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
    train(model, np.load("x.npy"), np.load("y.npy"))
    """,
    # A builtin given a call: no helper trains anything.
    """\
    from tensorflow import keras
    def build():
        return keras.Sequential([keras.layers.Dense(3, activation="softmax")])
    def train(model):
        model.compile(loss="binary_crossentropy")
        model.fit(x, y)
    print(build())
    """,
]


@pytest.mark.parametrize("program", SILENT)
def test_correct_or_untrained_models_passed_in_a_call_stay_silent(program: str) -> None:
    assert codes(program) == []
