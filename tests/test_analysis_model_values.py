"""The value engine wired into the model (model/values.py): unit counts,
losses and activations computed from constants, configs, dataclasses and
class constants are read; a container or instance that may have changed in
place is not trusted (the rules stay silent)."""

from __future__ import annotations

import libcst as cst
import pytest

from keraslint.analysis.values import UNKNOWN, Const, Instance
from keraslint.model.budget import Budget
from keraslint.model.extract import _Collector, extract
from keraslint.model.values import ProgramValues
from keraslint.model.walk import walk
from keraslint.testing import actual_findings, expected_findings

PRELUDE = "from tensorflow import keras\nfrom tensorflow.keras import layers\n"


def head(units: str, activation: str = '"softmax"', loss: str = '"categorical_crossentropy"') -> str:
    return (
        "model = keras.Sequential([\n"
        "    keras.Input(shape=(8,)),\n"
        f"    layers.Dense({units}, activation={activation}),\n"
        "])\n"
        f'model.compile(optimizer="adam", loss={loss})\n'
        "model.fit(x, y)\n"
    )


def value_at_end(code: str, expression: str) -> object:
    """The value of ``expression`` read at the end of the module."""
    module = cst.parse_module(code + f"\n__probe__ = {expression}\n")
    collector = _Collector()
    walk(module, collector)
    values = ProgramValues(collector.module_scope, collector.classes, collector.mutations, Budget())
    binding = collector.module_scope.bindings["__probe__"][-1]
    return values.value(binding.value, collector.module_scope, binding.index)


# -- values read ----------------------------------------------------------------------

KNOWN = {
    "len of a list": ('CLASSES = ["cat", "dog", "bird"]\n', "len(CLASSES)", 3),
    "dict config": ('CONFIG = {"n_classes": 4}\n', 'CONFIG["n_classes"]', 4),
    "arithmetic on constants": ('labels_count = "9"\n', "int(labels_count) + 1", 10),
    "certain conditional": ('ACT = "softmax"\n', 'ACT if True else "sigmoid"', "softmax"),
    "f-string": ('KIND = "categorical"\n', 'f"{KIND}_crossentropy"', "categorical_crossentropy"),
    "dataclass default": (
        "from dataclasses import dataclass\n@dataclass\nclass Config:\n    units: int = 4\n    lr: float = 0.1\n"
        "cfg = Config()\n",
        "cfg.units",
        4,
    ),
    "dataclass keyword override": (
        "from dataclasses import dataclass\n@dataclass\nclass Config:\n    units: int = 4\ncfg = Config(units=7)\n",
        "cfg.units",
        7,
    ),
    "dataclass positional, required field": (
        "import dataclasses\n@dataclasses.dataclass\nclass Config:\n    name: str\n    units: int = 4\n"
        'cfg = Config("run", 5)\n',
        "cfg.units",
        5,
    ),
    "dataclass field(default=...)": (
        "from dataclasses import dataclass, field\n@dataclass\nclass Config:\n"
        "    units: int = field(default=6)\n"
        "cfg = Config()\n",
        "cfg.units",
        6,
    ),
    "dataclass default from a module constant": (
        'from dataclasses import dataclass\nCLASSES = ("a", "b", "c")\n@dataclass\nclass Config:\n'
        "    units: int = len(CLASSES)\ncfg = Config()\n",
        "cfg.units",
        3,
    ),
    "class constant": ("class CFG:\n    N_CLASSES = 4\n    LOSS = 'mse'\n", "CFG.N_CLASSES", 4),
    "class constant through an earlier one": ("class CFG:\n    N = 4\n    M = N + 1\n", "CFG.M", 5),
    "instance of a plain class": ("class CFG:\n    N_CLASSES = 4\ncfg = CFG()\n", "cfg.N_CLASSES", 4),
    "read after a pure use": (
        'CLASSES = ["a", "b"]\nprint(CLASSES)\nfor c in CLASSES:\n    print(c)\n',
        "len(CLASSES)",
        2,
    ),
    "int passed to a function": ("N = 3\nlayers.Dense(N)\n", "N", 3),
    "unchanged config after items read": (
        'CONFIG = {"loss": "mse", "units": 3}\nunits = CONFIG["units"]\n',
        'CONFIG["loss"]',
        "mse",
    ),
}


@pytest.mark.parametrize("case", list(KNOWN))
def test_values_read(case: str) -> None:
    code, expression, expected = KNOWN[case]
    found = value_at_end(code, expression)
    assert found == Const(expected), found


UNKNOWNS = {
    "list appended": ('CLASSES = ["a", "b"]\nCLASSES.append("c")\n', "len(CLASSES)"),
    "list appended in a loop": (
        'CLASSES = []\nfor line in open("labels.txt"):\n    CLASSES.append(line)\n',
        "len(CLASSES)",
    ),
    "item assigned": ('CONFIG = {"loss": "mse"}\nCONFIG["loss"] = args.loss\n', 'CONFIG["loss"]'),
    "update": ('CONFIG = {"loss": "mse"}\nCONFIG.update(vars(args))\n', 'CONFIG["loss"]'),
    "pop": ('CONFIG = {"loss": "mse", "units": 2}\nCONFIG.pop("units")\n', "len(CONFIG)"),
    "setdefault": ('CONFIG = {"units": 2}\nCONFIG.setdefault("loss", "mae")\n', "len(CONFIG)"),
    "clear": ('CONFIG = {"loss": "mse"}\nCONFIG.clear()\n', 'CONFIG["loss"]'),
    "popitem": ('CONFIG = {"loss": "mse"}\nCONFIG.popitem()\n', 'CONFIG["loss"]'),
    "passed to an unknown function": ('CONFIG = {"loss": "mse"}\noverride(CONFIG)\n', 'CONFIG["loss"]'),
    "passed to a library function": ('CONFIG = {"loss": "mse"}\njson.dump(CONFIG, f)\n', 'CONFIG["loss"]'),
    "changed through an alias": ('CONFIG = {"loss": "mse"}\nc = CONFIG\nc["loss"] = "mae"\n', 'CONFIG["loss"]'),
    "the alias itself": ('CONFIG = {"loss": "mse"}\nc = CONFIG\nCONFIG["loss"] = "mae"\n', 'c["loss"]'),
    "nested dict changed through an alias": (
        'CONFIG = {"model": {"units": 3}}\nm = CONFIG["model"]\nm["units"] = 4\n',
        'CONFIG["model"]["units"]',
    ),
    "elements changed in a loop": (
        'CONFIGS = [{"units": 3}]\nfor c in CONFIGS:\n    c["units"] = 4\n',
        'CONFIGS[0]["units"]',
    ),
    "changed by a function": ('CONFIG = {"loss": "mse"}\ndef tweak():\n    CONFIG["loss"] = "mae"\n', 'CONFIG["loss"]'),
    "dataclass field assigned": (
        "from dataclasses import dataclass\n@dataclass\nclass Config:\n    units: int = 4\n"
        "cfg = Config()\nif args.small:\n    cfg.units = 2\n",
        "cfg.units",
    ),
    "dataclass setattr": (
        "from dataclasses import dataclass\n@dataclass\nclass Config:\n    units: int = 4\n"
        'cfg = Config()\nsetattr(cfg, "units", 2)\n',
        "cfg.units",
    ),
    "dataclass with __post_init__": (
        "from dataclasses import dataclass\n@dataclass\nclass Config:\n    units: int = 4\n"
        "    def __post_init__(self):\n        self.units = self.units * 2\ncfg = Config()\n",
        "cfg.units",
    ),
    "dataclass default_factory": (
        "from dataclasses import dataclass, field\n@dataclass\nclass Config:\n"
        "    classes: list = field(default_factory=list)\ncfg = Config()\n",
        "len(cfg.classes)",
    ),
    "not a dataclass (another decorator)": (
        "from attrs import define\n@define\nclass Config:\n    units: int = 4\ncfg = Config()\n",
        "cfg.units",
    ),
    "class constant reassigned": ("class CFG:\n    N = 4\nCFG.N = 5\n", "CFG.N"),
    "class constant in a branch of the body": ("class CFG:\n    if big:\n        N = 8\n    N = 4\n", "CFG.N"),
    "class with a base": ("class CFG(Base):\n    N = 4\n", "CFG.N"),
    "method changes an instance": (
        "from dataclasses import dataclass\n@dataclass\nclass Config:\n    units: int = 4\n"
        "    def double(self):\n        self.units *= 2\ncfg = Config()\ncfg.double()\n",
        "cfg.units",
    ),
    "bound in a branch": ('if args.binary:\n    LOSS = "bce"\nelse:\n    LOSS = "cce"\n', "LOSS"),
    "global declared in a function": (
        'CONFIG = {"units": 2}\ndef load():\n    global CONFIG\n    CONFIG = read()\n',
        'CONFIG["units"]',
    ),
}


@pytest.mark.parametrize("case", list(UNKNOWNS))
def test_values_not_trusted(case: str) -> None:
    code, expression = UNKNOWNS[case]
    assert value_at_end(code, expression) is UNKNOWN


def test_a_change_after_the_read_does_not_matter() -> None:
    code = 'CONFIG = {"units": 3}\nn = CONFIG["units"]\nCONFIG["units"] = 4\n'
    assert value_at_end(code, "n") == Const(3)


def test_dataclass_instance_value() -> None:
    code = "from dataclasses import dataclass\n@dataclass\nclass Config:\n    units: int = 4\n    act: str = 'relu'\n"
    found = value_at_end(code, "Config(act='softmax')")
    assert found == Instance("Config", (("units", Const(4)), ("act", Const("softmax"))))


# -- findings through the rules -------------------------------------------------------

PROGRAMS = {
    "units from len()": 'CLASSES = ["cat"]\n'
    + head("len(CLASSES)", loss='"binary_crossentropy"').replace(
        'activation="softmax"),', 'activation="softmax"),  # expect: KL101'
    ),
    "loss from a config dict": 'CONFIG = {"loss": "binary_crossentropy"}\n'
    + head("10", loss='CONFIG["loss"]')
    .replace("loss=CONFIG", "loss=CONFIG")
    .replace('loss=CONFIG["loss"])', 'loss=CONFIG["loss"])  # expect: KL102'),
    "loss from a class constant": 'class CFG:\n    LOSS = "binary_crossentropy"\n'
    + head("10", loss="CFG.LOSS").replace("loss=CFG.LOSS)", "loss=CFG.LOSS)  # expect: KL102"),
    "loss in an overridden config": 'CONFIG = {"loss": "binary_crossentropy"}\n'
    "CONFIG.update(vars(parser.parse_args()))\n" + head("10", loss='CONFIG["loss"]'),
    "typo in a config, reported at the literal": 'CONFIG = {"loss": "binary_crossentrop"}  # expect: KL301\n'
    + head("1", activation='"sigmoid"', loss='CONFIG["loss"]'),
    "typo in a changed config": 'CONFIG = {"loss": "binary_crossentrop"}\nCONFIG["loss"] = args.loss\n'
    + head("1", activation='"sigmoid"', loss='CONFIG["loss"]'),
    "activation typo in a dataclass": "from dataclasses import dataclass\n@dataclass\nclass Config:\n"
    '    act: str = "softmx"  # expect: KL302\n'
    "cfg = Config()\n" + head("3", activation="cfg.act"),
    "a module list read in a builder": 'CLASSES = ["cat"]\n'
    "def build():\n"
    "    return keras.Sequential([\n"
    "        keras.Input(shape=(8,)),\n"
    '        layers.Dense(len(CLASSES), activation="softmax"),  # expect: KL101\n'
    "    ])\n"
    "model = build()\n",
    "a module list changed after the builder": 'CLASSES = ["cat"]\n'
    "def build():\n"
    "    return keras.Sequential([\n"
    "        keras.Input(shape=(8,)),\n"
    '        layers.Dense(len(CLASSES), activation="softmax"),\n'
    "    ])\n"
    'CLASSES.append("dog")\n'
    "model = build()\n",
    "tuple unpacking": 'N_CLASSES, LOSS = 5, "binary_crossentropy"\n'
    + head("N_CLASSES", loss="LOSS").replace("loss=LOSS)", "loss=LOSS)  # expect: KL102"),
    "activation typo overridden at the constructor": "from dataclasses import dataclass\n@dataclass\nclass Config:\n"
    '    act: str = "softmx"\n'
    'cfg = Config(act="softmax")\n' + head("3", activation="cfg.act"),
}


@pytest.mark.parametrize("case", list(PROGRAMS))
def test_findings(case: str) -> None:
    code = PRELUDE + PROGRAMS[case]
    assert actual_findings(code) == expected_findings(code)


def test_typo_span_is_the_literal_in_the_dict() -> None:
    code = (
        PRELUDE
        + 'CONFIG = {"units": 1, "loss": "binary_crossentrop"}\n'
        + head("1", activation='"sigmoid"', loss='CONFIG["loss"]')
    )
    model = extract(cst.parse_module(code), code)
    (ref,) = model.loss_strings
    assert ref.value == "binary_crossentrop"
    assert ref.literal == '"binary_crossentrop"'
    assert (ref.span.start.line, ref.span.start.column) == (3, 30)


HOSTILE = {
    "a dataclass default that builds the class": (
        "from dataclasses import dataclass\n@dataclass\nclass A:\n    n: int = len(A().x)\n",
        "A().n",
    ),
    "a class that inherits from itself": ("class B(B):\n    N = B.N\n", "B.N"),
    "a class constant defined through itself": ("class C:\n    N = 1\n    N = C.N + 1\n", "C.N"),
    "a comprehension over itself": ("X = [X for X in X]\n", "len(X)"),
    "a long chain of names": ("a0 = 1\n" + "".join(f"a{i} = a{i - 1}\n" for i in range(1, 2000)), "a1999"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_values_are_unknown(case: str) -> None:
    code, expression = HOSTILE[case]
    assert value_at_end(code, expression) is UNKNOWN


def test_a_merged_copy_is_its_own_object() -> None:
    code = 'BASE = {"loss": "mse", "units": 3}\nCONFIG = {**BASE, "lr": 0.1}\nCONFIG["loss"] = "mae"\n'
    assert value_at_end(code, 'BASE["loss"]') == Const("mse")
    assert value_at_end(code, 'CONFIG["units"]') is UNKNOWN  # changed after the merge
    code = 'BASE = {"loss": "mse", "units": 3}\nCONFIG = {**BASE, "lr": 0.1}\n'
    assert value_at_end(code, 'CONFIG["units"]') == Const(3)


def test_a_merge_shares_mutable_values() -> None:
    code = 'BASE = {"model": {"units": 3}}\nCONFIG = {**BASE}\nCONFIG["model"]["units"] = 4\n'
    assert value_at_end(code, 'BASE["model"]["units"]') is UNKNOWN


# -- array shapes the code fixes: ``y.shape[1]`` after ``reshape(-1, 1)`` ---------------

SHAPES = "import numpy as np\n"


@pytest.mark.parametrize(
    ("code", "expression", "expected"),
    [
        ("y = labels.reshape(-1, 1)\n", "y.shape[1]", Const(1)),
        ("y = labels.reshape((-1, 1))\n", "y.shape[1]", Const(1)),
        ("y = np.reshape(labels, (-1, 3))\n", "y.shape[1]", Const(3)),
        ("y = labels.reshape(-1, 1)\ny_train, y_test = y[:10], y[10:]\n", "y_train.shape[1]", Const(1)),
        ("y = labels.reshape(-1, 1)\n", "len(y.shape)", Const(2)),
        # The row count is not known, nor anything not reshaped.
        ("y = labels.reshape(-1, 1)\n", "y.shape[0]", UNKNOWN),
        ("y = labels\n", "y.shape[1]", UNKNOWN),
        # A column slice changes the second dimension.
        ("y = labels.reshape(-1, 4)[:, 1:]\n", "y.shape[1]", UNKNOWN),
        # Passed to a function or a method called on it: it may have been resized.
        ("y = labels.reshape(-1, 1)\nresize_all(y)\n", "y.shape[1]", UNKNOWN),
        ("y = labels.reshape(-1, 1)\ny.resize((4, 4))\n", "y.shape[1]", UNKNOWN),
        # Two -1 are no shape.
        ("y = labels.reshape(-1, -1)\n", "y.shape[1]", UNKNOWN),
    ],
)
def test_shape_fixed_by_a_reshape(code: str, expression: str, expected: object) -> None:
    assert value_at_end(SHAPES + code, expression) == expected
