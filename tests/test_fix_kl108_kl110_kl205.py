"""The fixes of KL108 (a regression loss on a softmax classifier), KL110
(``msle``/``poisson`` where values go negative) and KL205 (binary
crossentropy on one unit and multi-class labels), through the CLI as a user
runs them: unsafe, so ``--fix`` alone leaves the file as it is and
``--fix --unsafe-fixes`` edits the value where it is written (a config
dict, a builder's default); the fixed file lints clean. And the findings
that keep no fix, with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run, write
from keraslint.checker import lint_text

CONFIG_DICT = """\
import keras
CONFIG = {"loss": "mse", "optimizer": "adam"}
(x_train, y_train), _ = keras.datasets.mnist.load_data()
y_train = keras.utils.to_categorical(y_train, 10)
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer=CONFIG["optimizer"], loss=CONFIG["loss"])
model.fit(x_train, y_train)
"""
BUILDER_DEFAULT = """\
import keras


def build(activation="tanh", loss="msle"):
    model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation=activation)])
    model.compile(optimizer="adam", loss=loss)
    return model


model = build()
"""
STANDARDISED = """\
import keras
from sklearn.preprocessing import StandardScaler
y_train = StandardScaler().fit_transform(y_raw.reshape(-1, 1))
model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="poisson")
model.fit(x_train, y_train, epochs=10)
"""
MNIST_ONE_UNIT = """\
import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
model = keras.Sequential([
    keras.layers.Flatten(),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(1, activation='sigmoid'),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=5)
"""
INTEGER_LABELS = """\
import keras
(x_train, y_train), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss='mean_absolute_error')
model.fit(x_train, y_train)
"""


@pytest.mark.parametrize(
    ("code", "before", "after"),
    [
        (CONFIG_DICT, '{"loss": "mse",', '{"loss": "categorical_crossentropy",'),
        (INTEGER_LABELS, "loss='mean_absolute_error'", "loss='sparse_categorical_crossentropy'"),
        (BUILDER_DEFAULT, 'def build(activation="tanh",', 'def build(activation="softplus",'),
        (STANDARDISED, 'loss="poisson"', 'loss="mean_squared_error"'),
    ],
    ids=["kl108-config-dict", "kl108-integer-labels", "kl110-builder-default", "kl110-standardised"],
)
def test_the_unsafe_fix_edits_the_written_value_and_the_file_lints_clean(
    tmp_path: Path, code: str, before: str, after: str
) -> None:
    path = write(tmp_path, "train.py", code)
    assert run("--fix", "train.py", cwd=tmp_path).returncode == 1
    assert path.read_text() == code  # unsafe: not applied by --fix alone
    fixed = run("--fix", "--unsafe-fixes", "train.py", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout
    assert code.count(before) == 1
    assert path.read_text() == code.replace(before, after)
    assert run("check", "train.py", cwd=tmp_path).stdout == "All checks passed!\n"


def test_kl205_makes_the_head_softmax_over_the_classes_and_the_loss_sparse(tmp_path: Path) -> None:
    path = write(tmp_path, "train.py", MNIST_ONE_UNIT)
    assert run("--fix", "train.py", cwd=tmp_path).returncode == 1
    assert path.read_text() == MNIST_ONE_UNIT
    fixed = run("--fix", "--unsafe-fixes", "train.py", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout
    assert "Found 1 error (1 fixed, 0 remaining).\n" in fixed.stdout
    assert path.read_text() == MNIST_ONE_UNIT.replace(
        "keras.layers.Dense(1, activation='sigmoid')", "keras.layers.Dense(10, activation='softmax')"
    ).replace('loss="binary_crossentropy"', 'loss="sparse_categorical_crossentropy"')
    assert run("check", "train.py", cwd=tmp_path).stdout == "All checks passed!\n"


LOAD = "(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()\n"
HEAD = "keras.layers.Dense(1, activation='sigmoid')"
NOT_FIXED = {
    # The unit count in a name another layer may read.
    "units-name": MNIST_ONE_UNIT.replace(LOAD, LOAD + "UNITS = 1\n").replace(
        HEAD, "keras.layers.Dense(UNITS, activation='sigmoid')"
    ),
    # The activation in a constant other layers may read.
    "activation-constant": MNIST_ONE_UNIT.replace(LOAD, LOAD + "OUT = 'sigmoid'\n").replace(
        HEAD, "keras.layers.Dense(1, activation=OUT)"
    ),
    # A loss object: no string to replace.
    "loss-object": MNIST_ONE_UNIT.replace('loss="binary_crossentropy"', "loss=keras.losses.BinaryCrossentropy()"),
    # Labels written out: 3 classes at least, maybe more.
    "classes-at-least": MNIST_ONE_UNIT.replace(LOAD, "x_train = [[0.0], [1.0], [2.0], [3.0]]\n").replace(
        "model.fit(x_train, y_train,", "model.fit(x_train, [0, 1, 2, 1],"
    ),
}


@pytest.mark.parametrize("code", NOT_FIXED.values(), ids=NOT_FIXED.keys())
def test_kl205_has_no_fix_unless_every_value_is_written_where_it_changes(code: str) -> None:
    assert _only(code, "KL205").fix is None


def test_kl205_has_no_fix_in_a_builder() -> None:
    code = """\
import keras
(x_train, y_train), _ = keras.datasets.mnist.load_data()


def build(units=1):
    model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(units, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model


model = build()
model.fit(x_train, y_train)
"""
    assert _only(code, "KL205").fix is None


def _only(code: str, rule: str):
    (diagnostic,) = [d for d in lint_text("train.py", code).diagnostics if d.code == rule]
    return diagnostic


def test_kl108_has_no_fix_when_the_targets_are_not_known() -> None:
    # One-hot rows or integer labels: which crossentropy is right depends
    # on them, and nothing here says.
    code = INTEGER_LABELS.replace("(x_train, y_train), _ = keras.datasets.mnist.load_data()\n", "")
    assert _only(code, "KL108").fix is None


def test_kl108_has_no_fix_when_the_targets_disagree() -> None:
    code = INTEGER_LABELS + "model.fit(x_train, keras.utils.to_categorical(y_train))\n"
    assert _only(code, "KL108").fix is None


def test_kl110_has_no_fix_for_a_loss_object() -> None:
    code = STANDARDISED.replace('loss="poisson"', "loss=keras.losses.Poisson()")
    assert _only(code, "KL110").fix is None


def test_kl110_on_a_tanh_output_with_standardised_targets_changes_the_loss() -> None:
    # Negative targets: the log loss is wrong whatever the output.
    code = STANDARDISED.replace("keras.layers.Dense(1)", 'keras.layers.Dense(1, activation="tanh")')
    fix = _only(code, "KL110").fix
    assert fix is not None and not fix.safe and fix.text == '"mean_squared_error"'
