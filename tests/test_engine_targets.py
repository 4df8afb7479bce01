"""What the targets given to ``fit`` are, in shapes of real code (issue 11):
one value per sample from a DataFrame column. Each mistake comes with
correct twins of the same shape that must stay silent."""

from __future__ import annotations

import textwrap

import pytest

from keraslint.config import Settings
from keraslint.runner import check_bytes


def codes(program: str) -> list[tuple[str, int]]:
    result = check_bytes("model.py", textwrap.dedent(program).encode(), Settings())
    assert not result.internal_errors
    return sorted((d.code, d.span.start.line) for d in result.diagnostics if d.code[:3] in ("KL1", "KL2"))


def messages(program: str) -> list[str]:
    result = check_bytes("model.py", textwrap.dedent(program).encode(), Settings())
    return [d.message for d in result.diagnostics if d.code == "KL202"]


# -- one value per sample: a column of a DataFrame read from a file -------------

COLUMN = """\
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split
from tensorflow import keras
{read}
x = np.load("features.npy")
{targets}
model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense({units}, activation={activation!r})])
model.compile(optimizer="adam", loss={loss!r})
{fit}
"""

COLUMN_MISTAKES = {
    "column given to fit": ('df = pd.read_csv("train.csv")', "", "model.fit(x, df['target'])"),
    "values split": (
        'train = pd.read_csv("train.csv")',
        'y = train["sentiment"].values\nx_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=0.2)',
        "model.fit(x_tr, y_tr, validation_data=(x_te, y_te))",
    ),
    "cast rewritten then tf.data": (
        'frame = pd.read_table("reviews.tsv", sep="\\t")',
        'frame["label"] = frame["label"].astype("str")\n'
        'labels = np.asarray(frame["label"]).astype(np.float32)\n'
        "ds = tf.data.Dataset.from_tensor_slices((x, labels)).shuffle(100).batch(32)",
        "model.fit(ds, epochs=3)",
    ),
    "rows sliced, another column written": (
        'df = pd.read_csv("train.csv")\ndf["len"] = df["text"].str.len()',
        'y = tf.convert_to_tensor(df["label"].to_numpy()[:800], tf.int64)',
        "model.fit(x[:800], y)",
    ),
}


@pytest.mark.parametrize("name", COLUMN_MISTAKES)
def test_one_value_per_sample_with_a_categorical_loss(name: str) -> None:
    read, targets, fit = COLUMN_MISTAKES[name]
    program = COLUMN.format(
        read=read, targets=targets, units=3, activation="softmax", loss="categorical_crossentropy", fit=fit
    )
    line = (
        textwrap.dedent(program)
        .splitlines()
        .index("model.compile(optimizer=\"adam\", loss='categorical_crossentropy')")
    )
    assert codes(program) == [("KL202", line + 1)]


def test_one_value_per_sample_message_names_the_column() -> None:
    read, targets, fit = COLUMN_MISTAKES["values split"]
    program = COLUMN.format(
        read=read, targets=targets, units=3, activation="softmax", loss="categorical_crossentropy", fit=fit
    )
    (message,) = messages(program)
    assert 'one value per sample from `train["sentiment"]` at line 8' in message


COLUMN_TWINS = {
    # The right loss for the same targets.
    "sparse loss": (
        'df = pd.read_csv("train.csv")',
        "",
        "model.fit(x, df['target'])",
        3,
        "sparse_categorical_crossentropy",
    ),
    # One-hot encoded first.
    "to_categorical": (
        'df = pd.read_csv("train.csv")',
        "y = keras.utils.to_categorical(df['target'], 3)",
        "model.fit(x, y)",
        3,
        "categorical_crossentropy",
    ),
    "get_dummies": (
        'df = pd.read_csv("train.csv")',
        "y = pd.get_dummies(df['target']).values",
        "model.fit(x, y)",
        3,
        "categorical_crossentropy",
    ),
    # Reshaped: the values may fill rows of any width.
    "reshaped": (
        'df = pd.read_csv("train.csv")',
        "y = df['target'].values.reshape(-1, 3)",
        "model.fit(x, y)",
        3,
        "categorical_crossentropy",
    ),
    "ndmin": (
        'df = pd.read_csv("t.csv")',
        "y = np.array(df['t'], ndmin=2)",
        "model.fit(x, y)",
        3,
        "categorical_crossentropy",
    ),
    # Several columns: a DataFrame, which may be one-hot rows.
    "column list": (
        'df = pd.read_csv("train.csv")',
        "y = df[['cat', 'dog', 'bird']]",
        "model.fit(x, y)",
        3,
        "categorical_crossentropy",
    ),
    # A header of two rows: ``df["a"]`` is every column under "a".
    "two header rows": (
        'df = pd.read_csv("train.csv", header=[0, 1])',
        "",
        "model.fit(x, df['onehot'])",
        3,
        "categorical_crossentropy",
    ),
    # Columns renamed (possibly to duplicates) or a frame of unknown origin.
    "renamed": (
        'df = pd.read_csv("train.csv")\ndf.columns = ["a", "b", "b"]',
        "",
        "model.fit(x, df['b'])",
        3,
        "categorical_crossentropy",
    ),
    "unknown frame": ("df = load_frame()", "", "model.fit(x, df['target'])", 3, "categorical_crossentropy"),
    "column rewritten": (
        'df = pd.read_csv("train.csv")\ndf["target"] = encode(df["target"])',
        "",
        "model.fit(x, df['target'])",
        3,
        "categorical_crossentropy",
    ),
    # Tricky: a float regression column with a regression loss is right,
    # and a categorical loss on one unit is KL103's mistake, not this one.
    "regression column": ('df = pd.read_csv("houses.csv")', "", "model.fit(x, df['price'])", 1, "mse"),
    "one unit": ('df = pd.read_csv("train.csv")', "", "model.fit(x, df['target'])", 1, "categorical_crossentropy"),
}


@pytest.mark.parametrize("name", COLUMN_TWINS)
def test_one_value_per_sample_twins_have_no_kl202(name: str) -> None:
    read, targets, fit, units, loss = COLUMN_TWINS[name]
    activation = "linear" if loss == "mse" else "softmax"
    program = COLUMN.format(read=read, targets=targets, units=units, activation=activation, loss=loss, fit=fit)
    if units == 1 and loss != "mse":
        assert "KL202" not in {code for code, _ in codes(program)}
    else:
        assert codes(program) == []
