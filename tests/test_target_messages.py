"""Messages about targets name the line that produced them (the
`to_categorical`, the `load_data`...), in a single- or multi-output model."""

from __future__ import annotations

import pytest

from keraslint.checker import lint_text

HEAD = "import numpy as np\nfrom tensorflow import keras\nfrom sklearn.preprocessing import StandardScaler\n"

CASES = {
    "KL201": (
        "y = keras.utils.to_categorical(labels, 3)\n"
        'model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])\n'
        'model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")\n'
        "model.fit(x, y)\n",
        "one-hot encoded by `to_categorical` at line 4",
    ),
    "KL202": (
        "(x, y), _ = keras.datasets.mnist.load_data()\n"
        'model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])\n'
        'model.compile(optimizer="adam", loss="categorical_crossentropy")\n'
        "model.fit(x, y)\n",
        "integer labels from `mnist.load_data` at line 4",
    ),
    "KL204": (
        "(x, y), _ = keras.datasets.cifar10.load_data()\n"
        'model = keras.Sequential([keras.layers.Dense(100, activation="softmax")])\n'
        'model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")\n'
        "model.fit(x, y)\n",
        "(`cifar10.load_data` at line 4)",
    ),
    "KL205": (
        "(x, y), _ = keras.datasets.mnist.load_data()\n"
        'model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])\n'
        'model.compile(optimizer="adam", loss="binary_crossentropy")\n'
        "model.fit(x, y)\n",
        "10-class labels from `mnist.load_data` at line 4",
    ),
    "KL110": (
        "y = StandardScaler().fit_transform(prices)\n"
        "model = keras.Sequential([keras.layers.Dense(1)])\n"
        'model.compile(optimizer="adam", loss="msle")\n'
        "model.fit(x, y)\n",
        "standardised by `StandardScaler` at line 4",
    ),
    "KL111": (
        "(x, y), _ = keras.datasets.boston_housing.load_data()\n"
        'model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])\n'
        'model.compile(optimizer="adam", loss="mse")\n'
        "model.fit(x, y)\n",
        "targets from line 4",
    ),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_the_message_names_the_line_that_made_the_targets(code: str) -> None:
    body, expected = CASES[code]
    (diagnostic,) = [d for d in lint_text("m.py", HEAD + body).diagnostics if d.code == code]
    assert expected in diagnostic.message


MULTI = """\
import pandas as pd
from tensorflow import keras
from tensorflow.keras import layers

frame = pd.read_csv("faces.csv")
races = keras.utils.to_categorical(frame["race"].values, 5)
genders = frame["gender"].values.astype("float32")
inputs = keras.Input(shape=(16,))
gender = layers.Dense(1, activation="sigmoid", name="gender")(inputs)
race = layers.Dense(5, activation="softmax", name="race")(inputs)
model = keras.Model(inputs, OUTPUTS)
model.compile(optimizer="adam", loss=LOSSES)
model.fit(x, TARGETS, validation_data=VALIDATION)
"""


def multi(outputs: str, losses: str, targets: str, validation: str = "None") -> list[str]:
    text = (
        MULTI.replace("OUTPUTS", outputs)
        .replace("LOSSES", losses)
        .replace("TARGETS", targets)
        .replace("VALIDATION", validation)
    )
    return [f"{d.code} {d.message}" for d in lint_text("m.py", text).diagnostics]


SPARSE_ON_RACE = '["binary_crossentropy", "sparse_categorical_crossentropy"]'


def test_each_head_is_checked_against_its_own_targets() -> None:
    (found,) = multi("[gender, race]", SPARSE_ON_RACE, "[genders, races]")
    assert found.startswith("KL201 ") and "gets `races`, one-hot encoded by `to_categorical` at line 6" in found
    by_name = multi(
        '{"gender": gender, "race": race}',
        '{"gender": "binary_crossentropy", "race": "sparse_categorical_crossentropy"}',
        '{"race": races, "gender": genders}',
    )
    assert [f.split()[0] for f in by_name] == ["KL201"]
    # validation_data's targets, per head too.
    assert [f.split()[0] for f in multi("[gender, race]", SPARSE_ON_RACE, "y_unknown", "(xv, (genders, races))")] == [
        "KL201"
    ]


def test_targets_not_written_per_head_are_not_paired() -> None:
    # The right targets on each head: nothing to say.
    assert multi("[gender, race]", '["binary_crossentropy", "categorical_crossentropy"]', "[genders, races]") == []
    # One array for two heads, a list of the wrong length, an unknown key: not paired.
    assert multi("[gender, race]", SPARSE_ON_RACE, "races") == []
    assert multi("[gender, race]", SPARSE_ON_RACE, "[races]") == []
    assert multi("[gender, race]", SPARSE_ON_RACE, '{"ethnicity": races}') == []
    assert multi("[gender, race]", SPARSE_ON_RACE, "[*pair]") == []


def test_a_list_is_not_paired_with_outputs_given_as_a_dict() -> None:
    # Keras orders dict outputs by key, not as written: no pairing by position.
    outputs = '{"race": race, "gender": gender}'
    assert multi(outputs, SPARSE_ON_RACE, "[genders, races]") == []
    assert multi(outputs, '["sparse_categorical_crossentropy", "binary_crossentropy"]', "[races, genders]") == []
    # By name, it is still checked.
    by_name = multi(
        outputs, '{"race": "sparse_categorical_crossentropy", "gender": "binary_crossentropy"}', '{"race": races}'
    )
    assert [f.split()[0] for f in by_name] == ["KL201"]
