"""A builder function specialised to each call: its parameters hold the
literals the call passes (or their defaults), and the finding names the call."""

from __future__ import annotations

from keraslint.checker import lint_text

BUILDER = """\
from tensorflow import keras

NUM_CLASSES = 1


def build(units, activation="softmax"):
    model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(units, activation=activation)])
    return model

"""


def findings(calls: str) -> list[tuple[int, str, str]]:
    return [(d.span.start.line, d.code, d.message) for d in lint_text("m.py", BUILDER + calls).diagnostics]


def test_a_literal_from_a_module_constant_and_a_default() -> None:
    ((line, code, message),) = findings(
        'model = build(NUM_CLASSES)\nmodel.compile(optimizer="adam", loss="binary_crossentropy")\nmodel.fit(x, y)\n'
    )
    assert (line, code) == (7, "KL101")
    # The activation is a parameter there: nothing to rewrite in the builder.
    assert lint_text("m.py", BUILDER + "m = build(1)\n").diagnostics[0].fix is None
    assert message.endswith("(loss `binary_crossentropy` at line 11) (for `build(NUM_CLASSES)` at line 10)")


def test_the_same_finding_from_two_calls_is_one_finding() -> None:
    ((_, code, message),) = findings("a = build(1)\nb = build(units=1)\nc = build(10)\n")
    assert code == "KL101"
    assert message.endswith("(for `build(1)` at line 10 and 1 other call(s))")


def test_a_finding_that_needs_no_argument_is_reported_once_without_a_call() -> None:
    text = BUILDER.replace("Dense(units, activation=activation)", 'Dense(1, activation="softmax")')
    result = lint_text("m.py", text + "a = build(5)\nb = build(7, 'relu')\n")
    ((diagnostic),) = result.diagnostics
    assert diagnostic.code == "KL101" and "(for " not in diagnostic.message


def test_arguments_that_are_not_plain_values_keep_the_builder_silent() -> None:
    assert findings("import sys\nn = int(sys.argv[1])\nmodel = build(n)\n") == []
    assert findings("import json\noptions = json.load(open('o.json'))\nmodel = build(**options)\n") == []
    assert findings("options = {'units': 1}\noptions.update(extra)\nmodel = build(**options)\n") == []
    assert findings("model = build(1, *rest)\n") == []
    assert findings("model = build(1, 'softmax', 'extra')\n") == []  # raises TypeError: not a model
    assert findings("model = build(1, colour='red')\n") == []  # neither
    assert findings("for n in (1, 2):\n    model = build(n)\n") == []


def test_keywords_unpacked_from_a_dict_written_in_the_file() -> None:
    # Never changed before the call: ``build(units=1)`` for certain.
    ((line, code, message),) = findings("options = {'units': 1}\nmodel = build(**options)\n")
    assert (line, code) == (7, "KL101")
    assert message.endswith("(for `build(**options)` at line 11)")


def test_the_parameter_reassigned_in_the_body_wins() -> None:
    text = BUILDER.replace("    model = keras", '    activation = "sigmoid"\n    model = keras')
    assert lint_text("m.py", text + "model = build(1)\n").diagnostics == []
    branch = BUILDER.replace(
        "    model = keras", '    if units == 1:\n        activation = "sigmoid"\n    model = keras'
    )
    assert lint_text("m.py", branch + "model = build(1)\n").diagnostics == []


PREDICT_ONLY = """\
from tensorflow import keras
extractor = keras.Sequential([keras.layers.Dense(64, activation="relu")])
extractor.compile(optimizer="sgd", loss="categorical_crossentropy")
extractor.load_weights("extractor.weights.h5")
features = extractor.predict(x)
"""


def test_a_model_compiled_only_to_predict_trains_nothing() -> None:
    # Its weights come from a file: the compile is there for ``predict``.
    # (A model that can only hold random weights is covered in
    # tests/test_engine_shapes.py: its compile stays in effect.)
    assert lint_text("m.py", PREDICT_ONLY).diagnostics == []
    # Trained after all (fit or train_on_batch): the loss matters again.
    for training in ("extractor.fit(x, y)\n", "extractor.train_on_batch(x, y)\n"):
        codes = [d.code for d in lint_text("m.py", PREDICT_ONLY + training).diagnostics]
        assert codes == ["KL106"], training
    # Compiled and not used here at all: it may be trained elsewhere.
    assert [
        d.code for d in lint_text("m.py", PREDICT_ONLY.replace("features = extractor.predict(x)\n", "")).diagnostics
    ] == ["KL106"]


COMPILED_INSIDE = """\
from tensorflow import keras

y = keras.utils.to_categorical(labels, 3)


def build(loss="sparse_categorical_crossentropy"):
    model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
    model.compile(optimizer="adam", loss=loss)
    return model

"""


def test_a_builder_s_compile_governs_the_fits_at_its_call_site() -> None:
    found = lint_text("m.py", COMPILED_INSIDE + "model = build()\nmodel.fit(x, y)\n").diagnostics
    ((diagnostic),) = found
    assert diagnostic.code == "KL201" and diagnostic.span.start.line == 8
    assert "one-hot encoded by `to_categorical` at line 3" in diagnostic.message
    assert diagnostic.message.endswith("(for `build()` at line 11)")
    # The right loss at the call: nothing.
    assert lint_text("m.py", COMPILED_INSIDE + "m = build('categorical_crossentropy')\nm.fit(x, y)\n").diagnostics == []
    # Compiled again at the call before training: the builder's compile trains nothing.
    recompiled = "m = build()\nm.compile(optimizer='adam', loss='categorical_crossentropy')\nm.fit(x, y)\n"
    assert lint_text("m.py", COMPILED_INSIDE + recompiled).diagnostics == []
