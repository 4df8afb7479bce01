"""Integer labels given a new id by an item write (``y_train[22000:] = 2``,
``model/targets.py``): still integer class ids, among the old ones and the
new one. Each shape written several ways, with a correct twin that stays
silent and a tricky correct case (a write whose value is not an id)."""

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


RELABELLED = [
    # A dataset's labels, a slice given a third class.
    """\
    from keras.datasets import imdb
    from keras.models import Sequential
    from keras.layers import Dense, Embedding, GlobalAveragePooling1D
    (x_train, y_train), (x_test, y_test) = imdb.load_data(num_words=5000)
    y_train[22000:] = 2
    model = Sequential([Embedding(5000, 16), GlobalAveragePooling1D(), Dense(3, activation="softmax")])
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    model.fit(x_train, y_train)
    """,
    # Labels written out, an index write, tf.keras.
    """\
    import numpy as np
    import tensorflow as tf
    labels = np.array([0, 1, 1, 0, 1, 0])
    labels[3] = 2
    net = tf.keras.Sequential([tf.keras.layers.Dense(3, activation="softmax")])
    net.compile(optimizer="sgd", loss=tf.keras.losses.CategoricalCrossentropy())
    net.fit(features, labels)
    """,
    # mnist with an eleventh class set from the end, the id held in a name.
    """\
    import keras
    OTHER = 10
    (x, y), _ = keras.datasets.mnist.load_data()
    y[-500:] = OTHER
    clf = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(11, activation="softmax")])
    clf.compile("adam", "categorical_crossentropy")
    clf.fit(x, y, epochs=3)
    """,
]
EXPECTED = [[("KL202", 7)], [("KL202", 6)], [("KL202", 6)]]  # at the compile


@pytest.mark.parametrize(("program", "expected"), list(zip(RELABELLED, EXPECTED)))
def test_relabelled_integer_labels_stay_integer(program: str, expected: list[tuple[str, int]]) -> None:
    assert codes(program) == expected


TWINS = [
    RELABELLED[0].replace('loss="categorical_crossentropy"', 'loss="sparse_categorical_crossentropy"'),
    RELABELLED[1].replace("CategoricalCrossentropy", "SparseCategoricalCrossentropy"),
    RELABELLED[2].replace("y[-500:] = OTHER\n", "y[-500:] = OTHER\n    y = keras.utils.to_categorical(y, 11)\n"),
]


@pytest.mark.parametrize("program", TWINS)
def test_relabelled_twins_are_silent(program: str) -> None:
    assert codes(program) == []


def test_a_write_of_soft_targets_is_not_an_id() -> None:
    # 0.5 is no class id: the labels become unknown, not integer ids.
    program = RELABELLED[0].replace("y_train[22000:] = 2", "y_train[22000:] = 0.5")
    assert codes(program) == []
