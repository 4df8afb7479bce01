"""Issue 13's trace: how keraslint knows the value a finding rests on, from
where the code wrote it to where Keras reads it, origin first, and how every
output format shows it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from helpers import run, write
from keraslint.checker import lint_text
from keraslint.model import trace as trace_module

SCHEMA = json.loads((Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json").read_text())


def steps(code: str, rule: str) -> list[tuple[int, str]]:
    found = [d for d in lint_text("t.py", code).diagnostics if d.code == rule]
    assert len(found) == 1, [d.code for d in lint_text("t.py", code).diagnostics]
    return [(span.start.line, text) for span, text in found[0].trace]


UNITS_LEN = """\
import keras

CLASSES = ["cat", "dog", "bird", "fish"]

model = keras.Sequential([keras.layers.Dense(8), keras.layers.Dense(len(CLASSES), activation="softmax")])
model.compile(loss="binary_crossentropy", optimizer="adam")
"""


def test_units_through_len_of_a_list() -> None:
    assert steps(UNITS_LEN, "KL102") == [
        (3, 'CLASSES = ["cat", "dog", "bird", "fish"]'),
        (5, "units = len(CLASSES) = 4"),
    ]


def test_units_through_shape_after_to_categorical() -> None:
    code = """\
import keras
from keras.utils import to_categorical
from sklearn.preprocessing import LabelEncoder

labels = LabelEncoder().fit_transform(df["species"])
y = to_categorical(labels, 3)
model = keras.Sequential([keras.layers.Dense(y.shape[1], activation="softmax")])
model.compile(loss="binary_crossentropy", optimizer="adam")
"""
    assert steps(code, "KL102") == [
        (5, 'labels = LabelEncoder().fit_transform(df["species"]) = an array of shape (?,)'),
        (6, "y = to_categorical(labels, 3) = an array of shape (?, 3)"),
        (7, "units = y.shape[1] = 3"),
    ]


CONFIG = """\
import keras

CONFIG = {"classes": 1, "loss": "binary_crossentropy"}

model = keras.Sequential([keras.layers.Dense(CONFIG["classes"], activation="softmax")])
model.compile(loss=CONFIG["loss"], optimizer="adam")
"""


def test_units_and_loss_through_a_config_dict() -> None:
    assert steps(CONFIG, "KL101") == [
        (3, 'CONFIG = {"classes": 1, "loss": "binary_crossentropy"}'),
        (5, 'units = CONFIG["classes"] = 1'),
        (6, 'loss = CONFIG["loss"] = "binary_crossentropy"'),
    ]


def test_units_through_a_builder_parameter_default_and_call_argument() -> None:
    template = """\
import keras

def build(n_classes={default}, activation="softmax"):
    model = keras.Sequential([keras.layers.Dense(n_classes, activation=activation)])
    model.compile(loss="binary_crossentropy", optimizer="adam")
    return model

model = build({argument})
"""
    # The activation's default and its read say the same: shown once, at
    # the default; KL101 stands on the activation, whose line it shows.
    assert steps(template.format(default=1, argument=""), "KL101") == [
        (3, "n_classes = 1"),
        (4, "units = n_classes = 1"),
        (3, 'activation = "softmax"'),
    ]
    # Given at the call: the call is where the value was written.
    assert steps(template.format(default=8, argument="1"), "KL101")[:2] == [
        (8, "build(1) passes n_classes = 1"),
        (4, "units = n_classes = 1"),
    ]


BUILDER = """\
import keras

CLASSES = ["cat", "dog", "bird", "fish"]
N = 1

def build(units, activation="softmax"):
    model = keras.Sequential([keras.layers.Dense(units, activation=activation)])
    model.compile(loss="binary_crossentropy", optimizer="adam")
    return model

model = build({argument})
"""


@pytest.mark.parametrize(
    ("argument", "rule", "origin"),
    [
        ("len(CLASSES)", "KL102", [(3, 'CLASSES = ["cat", "dog", "bird", "fish"]')]),
        ("units=len(CLASSES)", "KL102", [(3, 'CLASSES = ["cat", "dog", "bird", "fish"]')]),
        ("N", "KL101", [(4, "N = 1")]),
        ("units=N", "KL101", [(4, "N = 1")]),
    ],
)
def test_a_value_passed_to_a_builder_shows_the_call(argument: str, rule: str, origin: list[tuple[int, str]]) -> None:
    size = 4 if rule == "KL102" else 1
    found = steps(BUILDER.format(argument=argument), rule)
    assert found[: len(origin) + 2] == [
        *origin,
        (11, f"build({argument}) passes units = {size}"),
        (7, f"units = {size}"),
    ]


def test_a_value_passed_through_a_name_of_the_same_name_shows_both() -> None:
    code = BUILDER.replace("model = build", "units = N\nmodel = build").format(argument="units")
    assert steps(code, "KL101")[:4] == [
        (4, "N = 1"),
        (11, "units = N = 1"),
        (12, "build(units) passes units = 1"),
        (7, "units = 1"),
    ]


def test_a_long_call_shows_as_its_name() -> None:
    code = BUILDER.replace("N = 1", 'N = 1\nOUTPUT_ACTIVATION_OF_THE_MODEL = "softmax"').format(
        argument="units=N, activation=OUTPUT_ACTIVATION_OF_THE_MODEL"
    )
    assert (12, "build(...) passes units = 1") in steps(code, "KL101")


def test_no_step_repeats_the_one_before_or_the_finding() -> None:
    found = [d for d in lint_text("t.py", BUILDER.format(argument="N")).diagnostics if d.code == "KL101"]
    (finding,) = found
    assert finding.span not in [span for span, _ in finding.trace]
    texts = [text for _, text in finding.trace]
    assert all(a != b for a, b in zip(texts, texts[1:]))
    assert texts.count('activation = "softmax"') == 1


def test_targets_from_to_categorical_through_a_name_to_fit() -> None:
    code = """\
import keras
from keras.utils import to_categorical

y_cat = to_categorical(load_labels(), 10)
y_train = y_cat[:800]
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
model.fit(x_train, y_train)
"""
    assert steps(code, "KL201") == [
        (4, "y_cat = to_categorical(load_labels(), 10) (`to_categorical` gives one-hot)"),
        (5, "y_train = y_cat[:800]"),
        (8, "targets = y_train"),
    ]


def test_targets_through_a_tf_data_dataset_leave_out_the_inputs() -> None:
    code = """\
import keras
import tensorflow as tf
from keras.utils import to_categorical

x = load_images()
y_cat = to_categorical(load_labels(), 10)
train_ds = tf.data.Dataset.from_tensor_slices((x, y_cat)).shuffle(100).batch(32)
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
model.fit(train_ds, epochs=3)
"""
    assert steps(code, "KL201") == [
        (6, "y_cat = to_categorical(load_labels(), 10) (`to_categorical` gives one-hot)"),
        (7, "train_ds = tf.data.Dataset.from_tensor_slices((x, y_cat)).shuffle(100).batch(32)"),
        (10, "targets = train_ds"),
    ]


def test_values_written_where_keras_reads_them_have_no_trace() -> None:
    # The finding's own line shows them: the trace is empty, not one step.
    code = """\
import keras
from keras.utils import to_categorical

model = keras.Sequential([keras.layers.Dense(1, activation="softmax")])
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(x, to_categorical(y))
"""
    assert [d.trace for d in lint_text("t.py", code).diagnostics] == [()]


def test_no_trace_is_worked_out_without_a_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(self: object) -> None:
        raise AssertionError("a trace was worked out for a file without findings")

    monkeypatch.setattr(trace_module.Why, "__call__", fail)
    correct = CONFIG.replace('"classes": 1', '"classes": 4').replace("binary_crossentropy", "categorical_crossentropy")
    assert lint_text("t.py", correct).diagnostics == []


def test_a_trace_is_bounded() -> None:
    chain = "\n".join(f"N{i} = N{i - 1}" for i in range(1, 40))
    code = f"import keras\nN0 = 1\n{chain}\n" + (
        'model = keras.Sequential([keras.layers.Dense(N39, activation="softmax")])\n'
        'model.compile(loss="binary_crossentropy")\n'
    )
    found = steps(code, "KL101")
    assert found[-1] == (42, "units = N39 = 1")
    assert len(found) <= trace_module.MAX_STEPS


# -- output formats ---------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path, "units.py", UNITS_LEN)
    return tmp_path


def test_full_shows_the_trace_under_the_code(project: Path) -> None:
    out = run("units.py", "--output-format", "full", cwd=project).stdout
    lines = out.splitlines()
    start = lines.index("  = trace:")
    assert lines[start - 1].strip().startswith("|")  # under the code frame
    assert lines[start + 1 : start + 3] == [
        '      3:11  CLASSES = ["cat", "dog", "bird", "fish"]',
        "      5:69  units = len(CLASSES) = 4",
    ]
    assert lines[start + 3].startswith("  = help: ")


def test_concise_shows_the_trace_only_when_asked(project: Path) -> None:
    plain = run("units.py", cwd=project).stdout
    assert "CLASSES" not in plain
    shown = run("units.py", "--show-trace", cwd=project).stdout.splitlines()
    assert shown[0].startswith("units.py:6:")
    assert shown[1:3] == [
        '    units.py:3:11: CLASSES = ["cat", "dog", "bird", "fish"]',
        "    units.py:5:69: units = len(CLASSES) = 4",
    ]
    assert (
        "--show-trace" in run("--help", cwd=project).stdout
        or "--show-trace" in run("check", "--help", cwd=project).stdout
    )


def test_json_has_a_trace_array(project: Path) -> None:
    (item,) = json.loads(run("units.py", "--output-format", "json", cwd=project).stdout)
    assert item["trace"] == [
        {
            "message": 'CLASSES = ["cat", "dog", "bird", "fish"]',
            "cell": None,
            "location": {"row": 3, "column": 11},
            "end_location": {"row": 3, "column": 41},
        },
        {
            "message": "units = len(CLASSES) = 4",
            "cell": None,
            "location": {"row": 5, "column": 69},
            "end_location": {"row": 5, "column": 81},
        },
    ]


def test_sarif_code_flows_validate(project: Path) -> None:
    document = json.loads(run("units.py", "--output-format", "sarif", cwd=project).stdout)
    jsonschema.validate(document, SCHEMA)
    (result,) = document["runs"][0]["results"]
    (flow,) = result["codeFlows"]
    (thread,) = flow["threadFlows"]
    shown = [
        (
            step["location"]["physicalLocation"]["region"]["startLine"],
            step["location"]["message"]["text"],
            step["executionOrder"],
        )
        for step in thread["locations"]
    ]
    assert shown == [(3, 'CLASSES = ["cat", "dog", "bird", "fish"]', 1), (5, "units = len(CLASSES) = 4", 2)]


def test_the_cache_keeps_the_trace(project: Path) -> None:
    first = run("units.py", "--output-format", "json", cwd=project).stdout
    again = run("units.py", "--output-format", "json", cwd=project).stdout  # from the cache
    assert json.loads(again)[0]["trace"] == json.loads(first)[0]["trace"] != []


def test_a_scikit_learn_wrapper_s_call_of_its_builder_is_written_cleanly() -> None:
    code = """\
import keras
from scikeras.wrappers import KerasClassifier

def build(units=8):
    model = keras.Sequential([keras.layers.Dense(units, activation="softmax")])
    model.compile(loss="binary_crossentropy", optimizer="adam")
    return model

clf = KerasClassifier(model=build, model__units = 1, epochs=3)
clf.fit(x, y)
"""
    # The wrapper calls ``build(units=1)``: the step is that call, at the
    # argument the user wrote.
    assert steps(code, "KL101") == [(9, "build(units=1) passes units = 1"), (5, "units = 1")]
