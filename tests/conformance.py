"""The conformance matrix (issue 11): every KL1xx/KL2xx mistake written in
every shape real code writes a model in, under every Keras import style,
each with its correct twin.

A *scenario* is one rule's mistake (or its twin): the output layer's units
and activation, the loss, and where the targets come from. A *shape*
renders a scenario as a program: a ``Sequential`` list, ``add()``, the
functional API, a subclassed model (literal units, ``__init__`` defaults,
constructor arguments), builders (literal, keyword, default and nested
arguments), layers appended in a loop, a loop before the head, a dict
config, a dataclass config, a helper that compiles its parameter, static and
class methods of a builder class, methods of a plain class reading its
constructor defaults from ``self``, an
``if __name__ == "__main__":`` block, notebook cells, a custom training
loop. An import style says how Keras is imported (``tf.keras``, Keras 3,
old standalone ``keras``).

``cells()`` yields every (scenario, shape, style) with the program and the
codes expected: the mistake's code for a mistake, nothing for a twin.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from typing import Callable, Iterator

# -- import styles ------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    name: str
    prelude: str
    dense: str
    input: str
    sequential: str
    model: str
    losses: str  # prefix of loss classes


STYLES = (
    Style(
        "tf.keras",
        "import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n",
        "layers.Dense",
        "keras.Input",
        "keras.Sequential",
        "keras.Model",
        "keras.losses.",
    ),
    Style(
        "keras3",
        "import numpy as np\nimport keras\nfrom keras import layers\n",
        "layers.Dense",
        "keras.Input",
        "keras.Sequential",
        "keras.Model",
        "keras.losses.",
    ),
    Style(
        "standalone",
        "import numpy as np\nimport keras\nfrom keras.models import Sequential, Model\nfrom keras.layers import Dense, Input\n"
        "from keras import losses\n",
        "Dense",
        "Input",
        "Sequential",
        "Model",
        "losses.",
    ),
)

# -- scenarios -----------------------------------------------------------------------

UNKNOWN_DATA = "x_train, y_train = load_training_data()\n"
MNIST = "(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()\nx_train = x_train.reshape(-1, 784) / 255.0\n"
BOSTON = "(x_train, y_train), (x_test, y_test) = keras.datasets.boston_housing.load_data()\n"


@dataclass(frozen=True)
class Scenario:
    rule: str  # the code a mistake gives; the twin gives none
    name: str
    units: int
    activation: str | None  # None: linear
    loss: str  # a loss name, or "Class(from_logits=True)" for a loss object
    data: str = UNKNOWN_DATA
    twin: bool = False
    input_width: int = 8
    # An output layer the engine cannot know (a call of a function defined
    # elsewhere), written in place of the ``Dense`` head: the targets alone
    # decide.
    head: str | None = None
    variant: str = ""

    @property
    def expected(self) -> frozenset[str]:
        return frozenset() if self.twin else frozenset({self.rule})

    def loss_source(self, style: Style) -> str:
        if "(" in self.loss:
            return style.losses + self.loss
        return repr(self.loss)

    @property
    def loss_is_string(self) -> bool:
        return "(" not in self.loss


def _pair(rule: str, mistake: dict, twin: dict, variant: str = "", **shared: object) -> tuple[Scenario, Scenario]:
    name = f"{rule}-{variant}" if variant else rule
    return (
        Scenario(rule, name, **{**shared, **mistake}),  # type: ignore[arg-type]
        Scenario(rule, f"{name}-twin", twin=True, **{**shared, **twin}),  # type: ignore[arg-type]
    )


UNKNOWN_HEAD = "make_head()"  # never defined in the program: unknown


ONE_HOT_3 = UNKNOWN_DATA + "y_train = keras.utils.to_categorical(y_train, 3)\n"
ONE_HOT_10 = MNIST + "y_train = keras.utils.to_categorical(y_train, 10)\n"
STANDARDISED = (
    UNKNOWN_DATA
    + "from sklearn.preprocessing import StandardScaler\ny_train = StandardScaler().fit_transform(y_train)\n"
)

SCENARIOS: tuple[Scenario, ...] = (
    *_pair(
        "KL101",
        {"units": 1, "activation": "softmax"},
        {"units": 1, "activation": "sigmoid"},
        loss="binary_crossentropy",
    ),
    *_pair(
        "KL102",
        {"loss": "binary_crossentropy"},
        {"loss": "categorical_crossentropy"},
        units=3,
        activation="softmax",
        data=ONE_HOT_3,
    ),
    *_pair(
        "KL103", {"loss": "categorical_crossentropy"}, {"loss": "binary_crossentropy"}, units=1, activation="sigmoid"
    ),
    *_pair("KL104", {"activation": "sigmoid"}, {"activation": "tanh"}, units=1, loss="hinge"),
    *_pair(
        "KL105",
        {"activation": "softmax"},
        {"activation": None},
        units=10,
        loss="SparseCategoricalCrossentropy(from_logits=True)",
        data=MNIST,
    ),
    *_pair(
        "KL106",
        {"activation": None},
        {"activation": "softmax"},
        units=10,
        loss="sparse_categorical_crossentropy",
        data=MNIST,
    ),
    *_pair(
        "KL107",
        {"activation": "sigmoid"},
        {"activation": "softmax"},
        units=10,
        loss="categorical_crossentropy",
        data=ONE_HOT_10,
    ),
    *_pair(
        "KL108", {"loss": "mse"}, {"loss": "categorical_crossentropy"}, units=10, activation="softmax", data=ONE_HOT_10
    ),
    *_pair("KL109", {"activation": "sigmoid"}, {"activation": "softmax"}, units=10, loss="kl_divergence"),
    *_pair("KL110", {"loss": "msle"}, {"loss": "mse"}, units=1, activation=None, data=STANDARDISED),
    *_pair("KL111", {"activation": "sigmoid"}, {"activation": None}, units=1, loss="mse", data=BOSTON, input_width=13),
    *_pair(
        "KL201",
        {"loss": "sparse_categorical_crossentropy"},
        {"loss": "categorical_crossentropy"},
        units=10,
        activation="softmax",
        data=ONE_HOT_10,
    ),
    *_pair(
        "KL202",
        {"loss": "categorical_crossentropy"},
        {"loss": "sparse_categorical_crossentropy"},
        units=10,
        activation="softmax",
        data=MNIST,
    ),
    *_pair(
        "KL204", {"units": 5}, {"units": 10}, activation="softmax", loss="sparse_categorical_crossentropy", data=MNIST
    ),
    *_pair(
        "KL204",
        {"units": 5},
        {"units": 10},
        variant="logits",
        activation=None,
        loss="SparseCategoricalCrossentropy(from_logits=True)",
        data=MNIST,
    ),
    *_pair(
        "KL201",
        {"loss": "sparse_categorical_crossentropy"},
        {"loss": "categorical_crossentropy"},
        variant="unknown-head",
        units=10,
        activation="softmax",
        data=ONE_HOT_10,
        head=UNKNOWN_HEAD,
    ),
    *_pair(
        "KL202",
        {"loss": "categorical_crossentropy"},
        {"loss": "sparse_categorical_crossentropy"},
        variant="unknown-head",
        units=10,
        activation="softmax",
        data=MNIST,
        head=UNKNOWN_HEAD,
    ),
    *_pair(
        "KL205",
        {"units": 1, "activation": "sigmoid", "loss": "binary_crossentropy"},
        {"units": 10, "activation": "softmax", "loss": "sparse_categorical_crossentropy"},
        data=MNIST,
    ),
)

# -- shapes --------------------------------------------------------------------------


def _act(activation: str | None) -> str:
    return "" if activation is None else f", activation={activation!r}"


def _act_value(activation: str | None) -> str:
    return repr(activation)


def _head(s: Scenario, st: Style, units: str | None = None, activation: str | None = None) -> str:
    """The output layer: a ``Dense`` (units and activation as given, or the
    scenario's literals), or the scenario's unknown head."""
    if s.head is not None:
        return s.head
    head_activation = activation if activation is not None else _act_value(s.activation)
    return f"{st.dense}({units if units is not None else s.units}, activation={head_activation})"


def _layers(s: Scenario, st: Style, units: str | None = None, activation: str | None = None) -> list[str]:
    """Input, hidden layer, head."""
    return [
        f"{st.input}(shape=({s.input_width},))",
        f'{st.dense}(16, activation="relu")',
        _head(s, st, units, activation),
    ]


def _literal_head(s: Scenario, st: Style) -> str:
    return s.head or f"{st.dense}({s.units}{_act(s.activation)})"


def _compile_fit(s: Scenario, st: Style, model: str = "model", indent: str = "") -> str:
    return (
        f'{indent}{model}.compile(optimizer="adam", loss={s.loss_source(st)}, metrics=["accuracy"])\n'
        f"{indent}{model}.fit(x_train, y_train, epochs=5)\n"
    )


def sequential_list(s: Scenario, st: Style) -> str:
    body = ",\n    ".join(_layers(s, st))
    return f"model = {st.sequential}([\n    {body},\n])\n" + _compile_fit(s, st)


def add_calls(s: Scenario, st: Style) -> str:
    lines = "".join(f"model.add({layer})\n" for layer in _layers(s, st))
    return f"model = {st.sequential}()\n{lines}" + _compile_fit(s, st)


def functional(s: Scenario, st: Style) -> str:
    return (
        f"inputs = {st.input}(shape=({s.input_width},))\n"
        f'hidden = {st.dense}(16, activation="relu")(inputs)\n'
        f"outputs = {_literal_head(s, st)}(hidden)\n"
        f"model = {st.model}(inputs, outputs)\n" + _compile_fit(s, st)
    )


def _subclass(s: Scenario, st: Style, signature: str, units: str, instance: str) -> str:
    return (
        f"class Net({st.model}):\n"
        f"    def __init__(self{signature}):\n"
        f"        super().__init__()\n"
        f'        self.hidden = {st.dense}(16, activation="relu")\n'
        f"        self.head = {s.head or f'{st.dense}({units}{_act(s.activation)})'}\n"
        f"\n"
        f"    def call(self, inputs):\n"
        f"        return self.head(self.hidden(inputs))\n"
        f"\n"
        f"model = {instance}\n" + _compile_fit(s, st)
    )


def subclass_literal(s: Scenario, st: Style) -> str:
    return _subclass(s, st, "", str(s.units), "Net()")


def subclass_init_default(s: Scenario, st: Style) -> str:
    return _subclass(s, st, f", num_classes={s.units}", "num_classes", "Net()")


def subclass_constructor_argument(s: Scenario, st: Style) -> str:
    return _subclass(s, st, ", num_classes", "num_classes", f"Net(num_classes={s.units})")


def _builder_definition(s: Scenario, st: Style, signature: str) -> str:
    body = ",\n        ".join(_layers(s, st, units="units", activation="activation"))
    return (
        f"def build_model({signature}):\n    model = {st.sequential}([\n        {body},\n    ])\n    return model\n\n"
    )


def _builder(s: Scenario, st: Style, signature: str, call: str) -> str:
    return _builder_definition(s, st, signature) + f"model = {call}\n" + _compile_fit(s, st)


def builder_literal(s: Scenario, st: Style) -> str:
    return _builder(s, st, "units, activation", f"build_model({s.units}, {_act_value(s.activation)})")


def builder_keyword(s: Scenario, st: Style) -> str:
    return _builder(s, st, "units, activation", f"build_model(activation={_act_value(s.activation)}, units={s.units})")


def builder_default(s: Scenario, st: Style) -> str:
    return _builder(s, st, f"units={s.units}, activation={_act_value(s.activation)}", "build_model()")


def builder_computed_arguments(s: Scenario, st: Style) -> str:
    """``build_model(len(CLASS_NAMES), activation=SETTINGS["activation"])``
    from a function: arguments the engine computes, not literals."""
    names = ", ".join(f'"class_{number}"' for number in range(s.units))
    return (
        f"CLASS_NAMES = [{names}]\n"
        f'SETTINGS = {{"activation": {_act_value(s.activation)}}}\n'
        "\n"
        + _builder_definition(s, st, "units, activation")
        + "def main():\n"
        + "    n_outputs = len(CLASS_NAMES)\n"
        + '    model = build_model(n_outputs, activation=SETTINGS["activation"])\n'
        + _compile_fit(s, st, indent="    ")
        + "\n"
        + "main()\n"
    )


def nested_builder(s: Scenario, st: Style) -> str:
    return (
        f"def head(units, activation):\n"
        f"    return {_head(s, st, 'units', 'activation')}\n"
        f"\n"
        f"def build_model(n_outputs):\n"
        f"    model = {st.sequential}([\n"
        f"        {st.input}(shape=({s.input_width},)),\n"
        f'        {st.dense}(16, activation="relu"),\n'
        f"        head(n_outputs, {_act_value(s.activation)}),\n"
        f"    ])\n"
        f"    return model\n"
        f"\n"
        f"model = build_model({s.units})\n" + _compile_fit(s, st)
    )


def append_in_loop(s: Scenario, st: Style) -> str:
    return (
        f"stack = [{st.input}(shape=({s.input_width},))]\n"
        f"for width in (64, 32):\n"
        f'    stack.append({st.dense}(width, activation="relu"))\n'
        f"stack.append({_literal_head(s, st)})\n"
        f"model = {st.sequential}(stack)\n" + _compile_fit(s, st)
    )


def loop_before_head(s: Scenario, st: Style) -> str:
    return (
        f"model = {st.sequential}()\n"
        f"model.add({st.input}(shape=({s.input_width},)))\n"
        f"for width in (64, 32):\n"
        f'    model.add({st.dense}(width, activation="relu"))\n'
        f"model.add({_literal_head(s, st)})\n" + _compile_fit(s, st)
    )


def dict_config(s: Scenario, st: Style) -> str:
    loss = 'CONFIG["loss"]' if s.loss_is_string else s.loss_source(st)
    entries = f'"units": {s.units}, "activation": {_act_value(s.activation)}'
    if s.loss_is_string:
        entries += f', "loss": {s.loss!r}'
    body = ",\n    ".join(_layers(s, st, units='CONFIG["units"]', activation='CONFIG["activation"]'))
    return (
        f"CONFIG = {{{entries}}}\n"
        f"model = {st.sequential}([\n    {body},\n])\n"
        f'model.compile(optimizer="adam", loss={loss}, metrics=["accuracy"])\n'
        f"model.fit(x_train, y_train, epochs=5)\n"
    )


def dataclass_config(s: Scenario, st: Style) -> str:
    body = ",\n    ".join(_layers(s, st, units="config.units", activation="config.activation"))
    return (
        f"from dataclasses import dataclass\n"
        f"\n"
        f"@dataclass\n"
        f"class Config:\n"
        f"    units: int = {s.units}\n"
        f"    activation: object = {_act_value(s.activation)}\n"
        f"    epochs: int = 5\n"
        f"\n"
        f"config = Config()\n"
        f"model = {st.sequential}([\n    {body},\n])\n" + _compile_fit(s, st)
    )


def helper_compiles_parameter(s: Scenario, st: Style) -> str:
    body = ",\n    ".join(_layers(s, st))
    return (
        f"def train(model, loss, x, y):\n"
        f'    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])\n'
        f"    model.fit(x, y, epochs=5)\n"
        f"    return model\n"
        f"\n"
        f"model = {st.sequential}([\n    {body},\n])\n"
        f"train(model, {s.loss_source(st)}, x_train, y_train)\n"
    )


# The loss functions ``keras.losses`` exports under each scenario's loss name
# (keras/src/losses/losses.py): a custom loop calls the function itself.
_LOSS_FUNCTIONS = {"mse": "mean_squared_error", "msle": "mean_squared_logarithmic_error"}


def custom_training_loop(s: Scenario, st: Style) -> str:
    """No ``compile``: the loss (an object, or a ``keras.losses`` function)
    applied to the model's output in a training loop."""
    body = ",\n    ".join(_layers(s, st))
    loss = s.loss_source(st) if not s.loss_is_string else st.losses + _LOSS_FUNCTIONS.get(s.loss, s.loss)
    return (
        f"model = {st.sequential}([\n    {body},\n])\n"
        f"loss_fn = {loss}\n"
        f"optimizer = keras.optimizers.Adam()\n"
        f"for epoch in range(5):\n"
        f"    loss_value = loss_fn(y_train, model(x_train, training=True))\n"
    )


def static_method_builder(s: Scenario, st: Style) -> str:
    body = ",\n            ".join(_layers(s, st, units="units", activation="activation"))
    return (
        f"class Builder(object):\n"
        f"    @staticmethod\n"
        f"    def build(units, activation):\n"
        f"        return {st.sequential}([\n            {body},\n        ])\n"
        f"\n"
        f"    @classmethod\n"
        f"    def create(cls, units, activation):\n"
        f"        return cls.build(units, activation)\n"
        f"\n"
        f"model = Builder.create({s.units}, activation={_act_value(s.activation)})\n" + _compile_fit(s, st)
    )


def plain_class_method(s: Scenario, st: Style) -> str:
    """A plain class stores its constructor defaults on ``self``; one method
    builds the model from them, another returns it."""
    body = ",\n            ".join(_layers(s, st, units="self.units", activation="self.activation"))
    return (
        f"class Trainer:\n"
        f"    def __init__(self, units={s.units}, activation={_act_value(s.activation)}):\n"
        f"        self.units = units\n"
        f"        self.activation = activation\n"
        f"\n"
        f"    def _network(self):\n"
        f"        return {st.sequential}([\n            {body},\n        ])\n"
        f"\n"
        f"    def build(self):\n"
        f"        network = self._network()\n"
        f"        return network\n"
        f"\n"
        f"trainer = Trainer()\n"
        f"model = trainer.build()\n" + _compile_fit(s, st)
    )


def main_guard(s: Scenario, st: Style) -> str:
    return 'if __name__ == "__main__":\n' + textwrap.indent(sequential_list(s, st), "    ")


Shape = Callable[[Scenario, Style], str]

SHAPES: dict[str, Shape] = {
    "sequential-list": sequential_list,
    "add": add_calls,
    "functional": functional,
    "subclass-literal": subclass_literal,
    "subclass-init-default": subclass_init_default,
    "subclass-constructor-argument": subclass_constructor_argument,
    "builder-literal": builder_literal,
    "builder-keyword": builder_keyword,
    "builder-default": builder_default,
    "builder-computed-arguments": builder_computed_arguments,
    "nested-builder": nested_builder,
    "append-in-loop": append_in_loop,
    "loop-before-head": loop_before_head,
    "dict-config": dict_config,
    "dataclass-config": dataclass_config,
    "helper-compiles-parameter": helper_compiles_parameter,
    "static-method-builder": static_method_builder,
    "plain-class-method": plain_class_method,
    "main-guard": main_guard,
    "notebook-cells": sequential_list,  # rendered as cells below
    "custom-training-loop": custom_training_loop,
}


@dataclass(frozen=True)
class Cell:
    scenario: Scenario
    shape: str
    style: Style
    filename: str
    content: str

    @property
    def id(self) -> str:
        return f"{self.scenario.name}/{self.shape}/{self.style.name}"


def _program(s: Scenario, st: Style, shape: str) -> str:
    return st.prelude + "\n" + s.data + "\n" + SHAPES[shape](s, st)


def _notebook(program: str) -> str:
    # One cell per blank-line separated block, as a notebook is written.
    blocks = [block for block in program.split("\n\n") if block.strip()]
    cells = [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": block.splitlines(True)}
        for block in blocks
    ]
    cells.insert(1, {"cell_type": "markdown", "metadata": {}, "source": ["## Training\n"]})
    document = {
        "cells": cells,
        "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(document, indent=1)


def cells() -> Iterator[Cell]:
    for scenario in SCENARIOS:
        for shape in SHAPES:
            for style in STYLES:
                program = _program(scenario, style, shape)
                if shape == "notebook-cells":
                    yield Cell(scenario, shape, style, "model.ipynb", _notebook(program))
                else:
                    yield Cell(scenario, shape, style, "model.py", program)
