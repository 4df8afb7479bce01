"""Values a function reads from its caller and from the module.

A builder called with an argument the engine computes (``build(len(CLASSES))``,
``build(CONFIG["units"])``, a local of ``main()``) is specialised as if the
literal were written at the call; a module-level config read inside a
function is known unless something may change it.
"""

from __future__ import annotations

import pytest

from keraslint.checker import lint_text
from keraslint.diagnostics import Diagnostic

BUILDER = """\
from tensorflow import keras

CLASSES = ["cat", "dog", "bird", "fish"]
SETTINGS = {"units": 1, "activation": "softmax", "head": None}


def build(units, activation="softmax"):
    return keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(units, activation=activation)])

"""


def lint(code: str) -> list[Diagnostic]:
    result = lint_text("m.py", code)
    assert not result.internal_errors
    return list(result.diagnostics)


def codes(code: str) -> list[str]:
    return [d.code for d in lint(code)]


COMPUTED_CALLS = {
    "len of a module list": ("model = build(len(CLASSES))\n", "KL102"),
    "arithmetic": ("model = build(len(CLASSES) - 3)\n", "KL101"),
    "a config dict's entry": ('model = build(SETTINGS["units"])\n', "KL101"),
    "a config dict's string, by keyword": ('model = build(4, activation=SETTINGS["activation"])\n', "KL102"),
    "a local of main()": (
        "def main():\n    n = len(CLASSES)\n    model = build(n)\n    model.compile(loss='binary_crossentropy')\n"
        "    return model\n\nmain()\n",
        "KL102",
    ),
    "the width of to_categorical's output": (
        "import numpy as np\nfrom tensorflow.keras.utils import to_categorical\n"
        "y = to_categorical(np.array([0, 1, 2, 3]), num_classes=4)\nmodel = build(y.shape[1])\n",
        "KL102",
    ),
}


@pytest.mark.parametrize("case", list(COMPUTED_CALLS))
def test_a_builder_called_with_a_computed_argument_is_specialised(case: str) -> None:
    call, code = COMPUTED_CALLS[case]
    compile_line = "" if "compile" in call else "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    assert codes(BUILDER + call + compile_line) == [code]


CORRECT_OR_UNCERTAIN = {
    "the right loss": "model = build(len(CLASSES))\nmodel.compile(loss='categorical_crossentropy')\n",
    "a loop variable": "for n in range(1, 4):\n    model = build(n)\n    model.compile(loss='binary_crossentropy')\n",
    "a value set in a branch": (
        "import sys\nn = 1\nif len(sys.argv) > 1:\n    n = 4\nmodel = build(n)\nmodel.compile(loss='binary_crossentropy')\n"
    ),
    "read from the command line": (
        "import sys\nmodel = build(int(sys.argv[1]))\nmodel.compile(loss='binary_crossentropy')\n"
    ),
    "a list that grows": (
        "CLASSES.append('cow')\nmodel = build(len(CLASSES) - 4)\nmodel.compile(loss='binary_crossentropy')\n"
    ),
    "a config changed by a function": (
        "def setup():\n    SETTINGS['units'] = 2\n\nsetup()\nmodel = build(SETTINGS['units'])\n"
        "model.compile(loss='binary_crossentropy')\n"
    ),
    "a float": "model = build(1.0)\nmodel.compile(loss='binary_crossentropy')\n",
}


@pytest.mark.parametrize("case", list(CORRECT_OR_UNCERTAIN))
def test_a_builder_stays_silent_unless_the_argument_is_certain(case: str) -> None:
    assert codes(BUILDER + CORRECT_OR_UNCERTAIN[case]) == []


def test_none_from_a_config_is_a_linear_head() -> None:
    code = BUILDER + 'model = build(4, activation=SETTINGS["head"])\nmodel.compile(loss="categorical_crossentropy")\n'
    assert codes(code) == ["KL106"]


def test_the_trace_shows_the_caller_s_expression() -> None:
    code = (
        BUILDER
        + "def main():\n    n = len(CLASSES)\n    model = build(n)\n    model.compile(loss='binary_crossentropy')\n"
    )
    ((diagnostic,),) = [lint(code + "\nmain()\n")]
    assert diagnostic.trace is not None
    steps = [(span.start.line, text) for span, text in diagnostic.trace]
    assert steps[0] == (3, 'CLASSES = ["cat", "dog", "bird", "fish"]')
    assert (11, "n = len(CLASSES) = 4") in steps
    assert (12, "build(n) passes units = 4") in steps
    assert "(for `build(n)` at line 12)" in diagnostic.message


def test_a_constructor_and_a_method_called_with_computed_arguments() -> None:
    code = """\
import tensorflow as tf
CLASSES = ["a", "b", "c"]

class Net(tf.keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.out = tf.keras.layers.Dense(num_classes, activation="softmax")

    def call(self, x):
        return self.out(x)

class Factory:
    def make(self, k):
        return tf.keras.Sequential([tf.keras.layers.Dense(k, activation="softmax")])

model = Net(num_classes=len(CLASSES))
model.compile(loss="binary_crossentropy", optimizer="adam")
other = Factory().make(len(CLASSES) - 2)
other.compile(loss="binary_crossentropy", optimizer="adam")
"""
    assert sorted((d.span.start.line, d.code) for d in lint(code)) == [(14, "KL101"), (17, "KL102")]


# -- a module-level config read in a function -------------------------------------

HEAD_IN_MAIN = """\
from tensorflow import keras
SETTINGS = {"activation": "softmax", "model": {"activation": "softmax"}}
{before}
def main():
{inside}    model = keras.Sequential([keras.layers.Dense(1, activation={read})])
    model.compile(loss="binary_crossentropy")

main()
"""


def head_in_main(read: str, before: str = "", inside: str = "") -> list[str]:
    return codes(HEAD_IN_MAIN.replace("{before}", before).replace("{inside}", inside).replace("{read}", read))


def test_a_module_config_read_in_a_function_is_known() -> None:
    assert head_in_main('SETTINGS["activation"]') == ["KL101"]
    assert head_in_main('SETTINGS.get("activation")') == ["KL101"]
    assert head_in_main('SETTINGS["model"]["activation"]') == ["KL101"]
    assert head_in_main("act", inside='    act = SETTINGS["activation"]\n') == ["KL101"]


MAY_CHANGE = {
    "changed by another function": ('def setup():\n    SETTINGS["activation"] = "sigmoid"\n', ""),
    "updated by another function": ('def setup():\n    SETTINGS.update(activation="sigmoid")\n', ""),
    "passed to a function": ("", "    tweak(SETTINGS)\n"),
    "a nested dict changed through an alias": (
        "",
        '    inner = SETTINGS["model"]\n    inner["activation"] = "sigmoid"\n',
    ),
    "a nested dict passed on": ("", '    tweak(SETTINGS["model"])\n'),
}


@pytest.mark.parametrize("case", list(MAY_CHANGE))
def test_a_module_config_that_may_change_is_not_trusted(case: str) -> None:
    before, inside = MAY_CHANGE[case]
    read = 'SETTINGS["model"]["activation"]' if "nested" in case else 'SETTINGS["activation"]'
    assert head_in_main(read, before, inside) == []


# -- label arrays whose class count the code never writes ---------------------------

MNIST_TUTORIAL = """\
from keras.datasets import {dataset}
from keras.models import Sequential
from keras.layers import Dense
from keras.utils import to_categorical

(X_train, y_train), (X_test, y_test) = {dataset}.load_data({arguments})
{change}y_train = to_categorical(y_train)
y_test = to_categorical(y_test)
num_classes = y_test.shape[1]

def baseline_model():
    model = Sequential()
    model.add(Dense(64, activation="relu"))
    model.add(Dense(num_classes, activation="softmax"))
    model.compile(loss={loss!r}, optimizer="adam", metrics=["accuracy"])
    return model

model = baseline_model()
model.fit(X_train, y_train, validation_data=(X_test, y_test), epochs=10)
"""


def tutorial(dataset: str = "mnist", arguments: str = "", change: str = "", loss: str = "binary_crossentropy") -> str:
    return MNIST_TUTORIAL.format(dataset=dataset, arguments=arguments, change=change, loss=loss)


@pytest.mark.parametrize(
    ("dataset", "arguments", "units"),
    [("mnist", "", 10), ("fashion_mnist", "", 10), ("cifar10", "", 10), ("cifar100", 'label_mode="coarse"', 20)],
)
def test_the_width_of_to_categorical_of_a_keras_dataset_s_labels(dataset: str, arguments: str, units: int) -> None:
    # Every class is in both splits: ``to_categorical`` without
    # ``num_classes`` makes (largest label + 1) = the class count columns.
    (diagnostic,) = lint(tutorial(dataset, arguments))
    assert diagnostic.code == "KL102"
    assert f"on a {units}-unit `softmax` output" in diagnostic.message
    # Read twice (the builder alone, and at its call with the targets), it
    # is reported once, with the fix that knowing the targets makes safe.
    assert diagnostic.fix is not None and diagnostic.fix.safe


@pytest.mark.parametrize(
    ("dataset", "change"),
    [
        ("reuters", ""),  # a split need not hold every topic
        ("mnist", "y_test[y_test == 9] = 12\n"),  # labels changed in place
        ("mnist", "y_test = y_test[:100]\n"),  # some of them: the largest may be missing
        ("mnist", "y_test = load_more_labels()\n"),
    ],
)
def test_no_width_when_the_largest_label_is_not_certain(dataset: str, change: str) -> None:
    code = tutorial(dataset, change=change)
    assert [d for d in lint(code) if "-unit" in d.message] == []


def test_the_right_loss_on_a_dataset_s_labels_is_silent() -> None:
    assert lint(tutorial(loss="categorical_crossentropy")) == []


def test_an_array_of_literal_labels() -> None:
    code = BUILDER + (
        "import numpy as np\nfrom tensorflow.keras.utils import to_categorical\n"
        "labels = np.array([0, 1, 2, 1, 0, 3])\ny = to_categorical(labels)\n"
        "model = build(y.shape[1])\nmodel.compile(loss='binary_crossentropy')\n"
    )
    (diagnostic,) = lint(code)
    assert "on a 4-unit `softmax` output" in diagnostic.message
    assert lint(code.replace("labels = np.array([0, 1, 2, 1, 0, 3])", "labels = np.array([0.5, 1, 2])")) == []


# -- module names rebound before the function that reads them runs -------------------

SCRIPT = """\
import threading
from tensorflow import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
y_train = keras.utils.to_categorical(y_train, 10)
{between}
{define}
    model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
    model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
    model.fit(x_train, y_train, epochs=3)
{after}
"""

TRAIN = "def train():"


def script(after: str, between: str = "", define: str = TRAIN) -> list[str]:
    return codes(SCRIPT.format(after=after, between=between, define=define))


@pytest.mark.parametrize(
    "after",
    [
        "train()\n",
        'if __name__ == "__main__":\n    train()\n',
        "def main():\n    train()\n\nmain()\n",
        "def main():\n    train()\n\ndef run():\n    main()\n\nrun()\nrun()\n",
        "train()\ntrain()\n",
        "def again():\n    train()\n    again()\n\nagain()\n",  # recursion runs at the outer call
    ],
)
def test_a_function_run_only_after_the_rebinding_reads_it(after: str) -> None:
    assert script(after) == ["KL201"]


@pytest.mark.parametrize(
    ("after", "between", "define"),
    [
        # Referenced as a value: it may run at any time.
        ("threading.Thread(target=train).start()\n", "", TRAIN),
        ("callback = keras.callbacks.LambdaCallback(on_train_end=lambda logs: train())\n", "", TRAIN),
        ("train()\nrunner = train\n", "", TRAIN),
        # Run at two points where the name holds different things.
        ("train()\ny_train = y_train.argmax(axis=1)\ntrain()\n", "", TRAIN),
        # A function rebinds it.
        ("def reload():\n    global y_train\n    y_train = load()\n\ntrain()\n", "", TRAIN),
        # Decorated, a generator, a method's call, never called.
        ("train()\n", "", "@some_decorator\ndef train():"),
        ("list(train())\n", "", "def train():\n    yield 1"),
        ("train()\n", "", "def train():\n    yield None"),
        ("train()\n", "", "def train():\n    (lambda: (yield))"),
        ("import asyncio\nasyncio.run(train())\n", "", "async def train():\n    await asyncio.sleep(0)"),
        ("import asyncio\nasyncio.run(train())\n", "", "async def train():"),
        ("class Runner:\n    def go(self):\n        train()\n\nRunner().go()\n", "", TRAIN),
        ("", "", TRAIN),
        # Under a branch the labels may or may not be one-hot.
        ("train()\n", "import sys\nif sys.argv[1:]:\n    y_train = y_train.argmax(axis=1)\n", TRAIN),
    ],
)
def test_a_function_whose_runs_are_not_all_known_reads_nothing(after: str, between: str, define: str) -> None:
    assert script(after, between, define) == []


def test_a_yield_in_a_function_nested_in_it_leaves_a_function_plain() -> None:
    define = "def train():\n    def batches():\n        yield 1\n    list(batches())"
    assert script("train()\n", define=define) == ["KL201"]


def test_a_function_named_in_a_string_is_still_known_to_be_only_called() -> None:
    # The name's text occurs outside the calls: ``ast`` counts its uses.
    assert script('print("train")\ntrain()\n') == ["KL201"]
    assert script("train()\nprint(train)\n") == []


def test_a_function_run_before_the_rebinding_reads_the_earlier_value() -> None:
    code = """\
from tensorflow import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()

def train():
    model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
    model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
    model.fit(x_train, y_train, epochs=3)

train()
y_train = keras.utils.to_categorical(y_train, 10)
"""
    assert codes(code) == []
    assert codes(code.replace("train()\ny_train", "y_train").rstrip("\n") + "\ntrain()\n") == ["KL201"]


def test_reading_run_points_warns_of_nothing_in_the_linted_code() -> None:
    """Run points read the file with ``ast``, which warns of an invalid
    escape in the linted code; the warning is not for keraslint's user."""
    import warnings

    code = """\
import re
from tensorflow import keras

PATTERN = re.compile("\\d+")
UNITS = 4
UNITS = 1


def build():
    model = keras.Sequential([keras.layers.Dense(UNITS, activation="softmax")])
    model.compile(loss="binary_crossentropy")
    return model


build()
"""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = lint_text("m.py", code)
    assert [str(w.message) for w in caught] == []
    assert [d.code for d in result.diagnostics] == ["KL101"]


CONTAINER_BUILDER = """\
from tensorflow import keras
from tensorflow.keras import layers

CLASSES = ["cat"]
CONFIG = {"activation": "softmax", "lr": 1e-3, "decay": -0.5, "sizes": (64, 32), "name": None}


def build(classes, config):
    model = keras.Sequential([layers.Dense(64), layers.Dense(len(classes), activation=config["activation"])])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model

"""

CONTAINER_CALLS = {
    "module containers": "model = build(CLASSES, CONFIG)\n",
    "containers written in the call": 'model = build(["cat"], {"activation": "softmax"})\n',
    "keywords": "model = build(config=CONFIG, classes=CLASSES)\n",
    "locals of main()": (
        "def main():\n    names = ['cat']\n    settings = {'activation': 'softmax', 'epochs': 3}\n"
        "    model = build(names, settings)\n    model.fit(x, y)\n\nmain()\n"
    ),
    "module containers read in main()": "def main():\n    model = build(CLASSES, CONFIG)\n    model.fit(x, y)\n\nmain()\n",
    "a tuple": 'model = build(("cat",), CONFIG)\n',
    "a dict unpacked into the call": "model = build(CLASSES, **{'config': CONFIG})\n",
}


@pytest.mark.parametrize("case", list(CONTAINER_CALLS))
def test_a_builder_given_a_config_dict_or_a_class_list_is_specialised(case: str) -> None:
    assert codes(CONTAINER_BUILDER + CONTAINER_CALLS[case]) == ["KL101"]


def test_the_trace_shows_the_containers_the_call_passes() -> None:
    (diagnostic,) = lint(CONTAINER_BUILDER + "model = build(CLASSES, CONFIG)\n")
    assert (diagnostic.span.start.line, diagnostic.span.start.column) == (9, 86)  # config["activation"]
    assert diagnostic.trace is not None
    steps = [(span.start.line, text) for span, text in diagnostic.trace]
    assert (13, 'build(CLASSES, CONFIG) passes classes = ["cat"]') in steps
    assert (9, "units = len(classes) = 1") in steps
    assert (13, "build(CLASSES, CONFIG) passes config = CONFIG") in steps


CONTAINER_UNCERTAIN = {
    "a config whose entry may change": (
        "import sys\nif sys.argv[1:]:\n    CONFIG['activation'] = 'sigmoid'\nmodel = build(CLASSES, CONFIG)\n"
    ),
    "an entry computed from the command line": ("import sys\nmodel = build(CLASSES, {'activation': sys.argv[1]})\n"),
    "a list that may grow": "import sys\nCLASSES.extend(sys.argv[1:])\nmodel = build(CLASSES, CONFIG)\n",
}


@pytest.mark.parametrize("case", list(CONTAINER_UNCERTAIN))
def test_a_container_argument_that_is_not_certain_is_not_trusted(case: str) -> None:
    assert codes(CONTAINER_BUILDER + CONTAINER_UNCERTAIN[case]) == []


READER = """\
from tensorflow import keras
from tensorflow.keras import layers

CLASSES = ["cat"]


{callee}


def main():
    use(CLASSES)
    model = keras.Sequential([layers.Dense(len(CLASSES), activation="softmax")])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    model.fit(x, y)


main()
"""

# A module list passed to a function of the file and read again after the
# call: known when the function only reads its parameter.
ONLY_READS = {
    "prints it": "def use(names):\n    print(len(names), names[0])",
    "passes it to len": "def use(names):\n    return len(names)",
    "rebinds another name": "def use(names):\n    count = len(names)\n    return count",
}
CALLEE_MAY_CHANGE = {
    "appends": "def use(names):\n    names.append('dog')",
    "adds in place": "def use(names):\n    names += ['dog']",
    "sets an item": "def use(names):\n    names[0:0] = ['dog']",
    "passes it on": "def use(names):\n    grow(names)",
    "keeps it": "def use(names):\n    global KEPT\n    KEPT = names",
    "returns it": "def use(names):\n    return names",
    "changes it in a nested function": "def use(names):\n    def inner():\n        names.append('dog')\n    inner()",
    "takes it as *args": "def use(*names):\n    names[0].append('dog')",
    "binds a default": "def use(names=None):\n    names.extend(['dog'])",
}


@pytest.mark.parametrize("case", list(ONLY_READS))
def test_a_list_passed_to_a_function_that_only_reads_it_stays_known(case: str) -> None:
    assert codes(READER.format(callee=ONLY_READS[case])) == ["KL101"]


@pytest.mark.parametrize("case", list(CALLEE_MAY_CHANGE))
def test_a_list_passed_to_a_function_that_may_change_it_is_not_trusted(case: str) -> None:
    assert codes(READER.format(callee=CALLEE_MAY_CHANGE[case])) == []


def test_a_function_defined_twice_is_not_trusted_to_only_read() -> None:
    callee = "import sys\nif sys.argv[1:]:\n    def use(names):\n        names.append('dog')\nelse:\n    def use(names):\n        print(names)"
    assert codes(READER.format(callee=callee)) == []


# -- arguments unpacked from known containers, config objects made in the call ------

UNPACKED = """\
import tensorflow as tf


def get_model(n_out, final="sigmoid", **extra):
    model = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu")])
    model.add(tf.keras.layers.Dense(n_out, activation=final))
    return model

{call}
model.compile(optimizer="adam", loss="binary_crossentropy")
"""

UNPACKED_CALLS = {
    "a module dict": 'PARAMS = {"n_out": 1, "final": "softmax"}\nmodel = get_model(**PARAMS)',
    "a dict written in the call": 'model = get_model(**{"n_out": 1, "final": "softmax"})',
    "dict() of keywords": 'params = dict(n_out=1, final="softmax")\nmodel = get_model(**params)',
    "a list and a keyword": 'ARGS = [1]\nmodel = get_model(*ARGS, final="softmax")',
    "a tuple": 'model = get_model(*(1, "softmax"))',
}


@pytest.mark.parametrize("case", list(UNPACKED_CALLS))
def test_arguments_unpacked_from_a_known_container(case: str) -> None:
    assert codes(UNPACKED.format(call=UNPACKED_CALLS[case])) == ["KL101"]


UNPACKED_UNCERTAIN = {
    "a dict changed first": 'PARAMS = {"n_out": 1, "final": "softmax"}\nPARAMS["n_out"] = 4\nmodel = get_model(**PARAMS)',
    "a dict read from a file": 'import json\nparams = json.load(open("p.json"))\nmodel = get_model(**params)',
    "a dict that may grow": (
        'import sys\nPARAMS = {"n_out": 1, "final": "softmax"}\nif sys.argv[1:]:\n    PARAMS["final"] = "sigmoid"\n'
        "model = get_model(**PARAMS)"
    ),
    "a key that is no identifier": 'model = get_model(**{"n_out": 1, "final": "softmax", "a-b": 2})',
    "a list of unknown length": "import sys\nARGS = sys.argv[1:]\nmodel = get_model(*ARGS)",
}


@pytest.mark.parametrize("case", list(UNPACKED_UNCERTAIN))
def test_arguments_unpacked_from_an_uncertain_container_stay_unknown(case: str) -> None:
    assert codes(UNPACKED.format(call=UNPACKED_UNCERTAIN[case])) == []


HPARAMS = """\
import tensorflow as tf
from dataclasses import dataclass


@dataclass
class HParams:
    units: int = 1
    act: str = "softmax"


class Plain:
    units = 1
    act = "softmax"


def main(hp):
{body}    model = tf.keras.Sequential([tf.keras.layers.Dense(hp.units, activation=hp.act)])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model


if __name__ == "__main__":
    main({argument})
"""


@pytest.mark.parametrize("argument", ["HParams()", "HParams(units=1)", 'HParams(1, "softmax")', "Plain()"])
def test_a_config_object_made_in_the_call_is_known_in_the_function(argument: str) -> None:
    assert codes(HPARAMS.format(body="", argument=argument)) == ["KL101"]


@pytest.mark.parametrize(
    ("body", "argument"),
    [
        ("", "HParams(units=2)"),  # two units: a softmax BCE reads right
        ("    hp.units = 3\n", "HParams()"),  # changed in the function
        ("    HParams = dict\n", "HParams()"),  # a local of that name
        ("", "HParams(units=int(input()))"),  # not a literal
    ],
)
def test_a_config_object_that_differs_or_changes_is_not_trusted(body: str, argument: str) -> None:
    assert codes(HPARAMS.format(body=body, argument=argument)) == []


def test_a_config_class_defined_twice_is_not_trusted() -> None:
    code = HPARAMS.format(body="", argument="HParams()").replace(
        "\n\nclass Plain:", "\n\nclass HParams:\n    units = 4\n    act = 'softmax'\n\n\nclass Plain:"
    )
    assert codes(code) == []
