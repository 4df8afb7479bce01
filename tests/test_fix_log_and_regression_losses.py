"""The fixes of KL108 (a regression loss on a softmax classifier) and KL110
(``msle``/``poisson`` where values go negative), through the CLI as a user
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
