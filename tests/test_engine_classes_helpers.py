"""Classes and helpers as their calls run them: a function's ``if`` read
after the statement before it, ``fit``'s targets read as the call passes
them (a helper's parameter), an instance's ``__init__`` and methods run
with its constructor's values and a method's defaults, and a default that
names an imported loss. Each capability is written several ways, with twins
that stay silent where the value may differ at run time."""

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


# -- an ``if`` in a function, its test read after the statement before it ------

BRANCH = """\
from keras.layers import Dense
from keras.models import Sequential


def build(binary=False):
    {before}
    if {test}:
        head = Dense(1, activation="sigmoid")
    else:
        head = Dense(3, activation="softmax")
    model = Sequential([head])
    model.compile(optimizer="adam", loss="mse")
    return model


{call}
"""


@pytest.mark.parametrize(
    ("before", "test", "call"),
    [
        # The parameter read by the function's first statement.
        ("", "binary", "m = build()"),
        ("", "binary", "m = build(binary=False)"),
        # A name bound by the statement just before the ``if``.
        ("flag = binary", "flag", "m = build()"),
        ("flag = not binary", "not flag", "m = build(False)"),
    ],
)
def test_a_branch_decided_by_the_statement_just_before(before: str, test: str, call: str) -> None:
    assert codes(BRANCH.format(before=before, test=test, call=call)) == [("KL108", 12)]


@pytest.mark.parametrize(
    ("before", "test", "call"),
    [
        ("pass", "binary", "m = build(True)"),
        ("flag = binary", "flag", "m = build(binary=True)"),
        # Not known at the call: both sides may run.
        ("pass", "binary", "import sys\nm = build(len(sys.argv) > 1)"),
        ("flag = input()", "flag", "m = build()"),
    ],
)
def test_a_branch_the_call_does_not_decide_to_the_softmax_is_silent(before: str, test: str, call: str) -> None:
    assert codes(BRANCH.format(before=before, test=test, call=call)) == []


# -- fit's targets read as the call of the function passes them ----------------

HELPER = """\
from sklearn.datasets import load_breast_cancer
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense
from tensorflow.keras.utils import to_categorical

X, y = load_breast_cancer(return_X_y=True)


def train(x, labels, loss_name="categorical_crossentropy", epochs=5):
    {rebind}
    model = Sequential([Dense(2, activation="softmax")])
    model.compile(optimizer="adam", loss=loss_name)
    model.fit({fit})
    return model


{call}
"""


@pytest.mark.parametrize(
    ("fit", "call"),
    [
        # No literal argument: the function's own scope, as this call runs it.
        ("x, labels", "train(X, y)"),
        ("x, labels, epochs=epochs", "clf = train(x=X, labels=y)"),
        # A literal argument too: the function's copy for this call.
        ("x, labels", 'train(X, y, "categorical_crossentropy")'),
        ("x, labels", "train(X, y, epochs=10)"),
        ("x=x, y=labels[:400]", "train(X, y)"),
        ("x, to_categorical(labels), validation_data=(x, labels)", "train(X, y, epochs=3)"),
    ],
)
def test_labels_reach_fit_through_a_parameter(fit: str, call: str) -> None:
    assert codes(HELPER.format(rebind="pass", fit=fit, call=call)) == [("KL202", 12)]


@pytest.mark.parametrize(
    ("rebind", "fit", "call"),
    [
        # One-hot at the call.
        ("pass", "x, labels", "train(X, to_categorical(y))"),
        ("pass", "x, labels", "train(X, to_categorical(y), epochs=3)"),
        # The parameter rebound before fit.
        ("labels = to_categorical(labels)", "x, labels", "train(X, y)"),
        ("labels = to_categorical(labels)", "x, labels", "train(X, y, epochs=2)"),
        # The labels are not known at the call.
        ("pass", "x, labels", "import numpy as np\ntrain(X, np.load('y.npy'))"),
        ("pass", "x, labels", "args = (X, y)\ntrain(*args)"),
        # A loss for integer labels given at the call.
        ("pass", "x, labels", 'train(X, y, "sparse_categorical_crossentropy")'),
    ],
)
def test_labels_through_a_parameter_twins_are_silent(rebind: str, fit: str, call: str) -> None:
    assert codes(HELPER.format(rebind=rebind, fit=fit, call=call)) == []


def test_each_call_is_read_with_its_own_labels() -> None:
    program = HELPER.format(rebind="pass", fit="x, labels", call="train(X, to_categorical(y))\ntrain(X, y)")
    assert codes(program) == [("KL202", 12)]


SCALED = """\
import numpy as np
from sklearn.preprocessing import StandardScaler
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential


def fit(X, preprocessing={default}):
    if preprocessing:
        X_norm = StandardScaler().fit_transform(X)
    else:
        X_norm = np.copy(X)
    model = Sequential([Dense(4, activation="sigmoid")])
    model.compile(loss="mse")
    model.fit(X_norm, X_norm)
    return model


{call}
"""


@pytest.mark.parametrize(
    ("default", "call"),
    [("True", "fit(np.load('x.npy'))"), ("False", "fit(np.load('x.npy'), preprocessing=True)")],
)
def test_targets_of_a_branch_the_call_decides(default: str, call: str) -> None:
    assert codes(SCALED.format(default=default, call=call)) == [("KL111", 12)]


@pytest.mark.parametrize(
    ("default", "call"),
    [
        ("True", "fit(np.load('x.npy'), preprocessing=False)"),
        ("False", "fit(np.load('x.npy'))"),
        ("True", "import sys\nfit(np.load('x.npy'), sys.argv[1] == 'scale')"),
    ],
)
def test_targets_of_a_branch_the_call_does_not_decide_are_silent(default: str, call: str) -> None:
    assert codes(SCALED.format(default=default, call=call)) == []


# -- an instance: __init__ and its methods with the constructor's values --------

INSTANCE = """\
import numpy as np
from sklearn.preprocessing import StandardScaler
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential


class AutoEncoder:
    def __init__(self, output_activation="sigmoid", preprocessing=True):
        self.output_activation = output_activation
        self.preprocessing = preprocessing

    def fit(self, X):
        if self.preprocessing:
            {scaled}
        else:
            X_norm = np.copy(X)
        self.model_ = Sequential([Dense(X.shape[1], activation=self.output_activation)])
        self.model_.compile(loss="mse", optimizer="adam")
        self.model_.fit(X_norm, X_norm)
        return self


{use}
"""

SCALED_FORMS = [
    "X_norm = StandardScaler().fit_transform(X)",
    # Through an attribute set in the branch the instance decides.
    "self.scaler_ = StandardScaler()\n            X_norm = self.scaler_.fit_transform(X)",
]


@pytest.mark.parametrize("scaled", SCALED_FORMS)
@pytest.mark.parametrize(
    "use",
    [
        "clf = AutoEncoder()\nclf.fit(np.load('x.npy'))",
        "AutoEncoder(output_activation='sigmoid').fit(np.load('x.npy'))",
        "clf = AutoEncoder(preprocessing=True)\nclf.fit(np.load('x.npy'))",
    ],
)
def test_a_branch_on_a_constructor_value(scaled: str, use: str) -> None:
    assert codes(INSTANCE.format(scaled=scaled, use=use)) == [("KL111", 17 + scaled.count("\n"))]


@pytest.mark.parametrize("scaled", SCALED_FORMS)
@pytest.mark.parametrize(
    "use",
    [
        "clf = AutoEncoder(preprocessing=False)\nclf.fit(np.load('x.npy'))",
        "clf = AutoEncoder(output_activation='linear')\nclf.fit(np.load('x.npy'))",
        # Changed from outside before fit.
        "clf = AutoEncoder()\nclf.preprocessing = False\nclf.fit(np.load('x.npy'))",
        "import sys\nclf = AutoEncoder(preprocessing=len(sys.argv) > 1)\nclf.fit(np.load('x.npy'))",
        # A subclass may run other methods.
        "class Quiet(AutoEncoder):\n    pass\nclf = AutoEncoder()\nclf.fit(np.load('x.npy'))",
    ],
)
def test_a_branch_on_a_constructor_value_twins_are_silent(scaled: str, use: str) -> None:
    assert codes(INSTANCE.format(scaled=scaled, use=use)) == []


HELD = """\
from keras.layers import Dense
from keras.models import Sequential


class Trainer:
    def __init__(self, units=3, loss="mse"):
        self.loss = loss
        self.model = Sequential([Dense(units, activation="softmax")])
        {compile_in_init}

    def compile_model(self{signature}):
        {compile_in_method}


{use}
"""


@pytest.mark.parametrize(
    ("compile_in_init", "signature", "compile_in_method", "use", "line"),
    [
        # The constructor's defaults in __init__ itself.
        ('self.model.compile(optimizer="adam", loss=loss)', "", "pass", "t = Trainer()", 9),
        ('self.model.compile(optimizer="adam", loss=self.loss)', "", "pass", "t = Trainer(units=4)", 9),
        # Stored on self, read by another method.
        ("pass", "", 'self.model.compile(optimizer="adam", loss=self.loss)', "t = Trainer()\nt.compile_model()", 12),
        # The method's own default, at its one call.
        (
            "pass",
            ', loss="mse"',
            'self.model.compile(optimizer="adam", loss=loss)',
            "t = Trainer()\nt.compile_model()",
            12,
        ),
        (
            "pass",
            ', opt="adam", loss="mse"',
            "self.model.compile(opt, loss)",
            "Trainer(4).compile_model(opt='sgd')",
            12,
        ),
    ],
)
def test_an_instance_runs_with_its_defaults(
    compile_in_init: str, signature: str, compile_in_method: str, use: str, line: int
) -> None:
    program = HELD.format(
        compile_in_init=compile_in_init, signature=signature, compile_in_method=compile_in_method, use=use
    )
    assert codes(program) == [("KL108", line)]


@pytest.mark.parametrize(
    ("compile_in_init", "signature", "compile_in_method", "use"),
    [
        # The caller overrides the default.
        ('self.model.compile(optimizer="adam", loss=loss)', "", "pass", 't = Trainer(loss="categorical_crossentropy")'),
        (
            "pass",
            "",
            'self.model.compile(optimizer="adam", loss=self.loss)',
            't = Trainer(loss="categorical_crossentropy")\nt.compile_model()',
        ),
        (
            "pass",
            ', loss="mse"',
            'self.model.compile(optimizer="adam", loss=loss)',
            't = Trainer()\nt.compile_model("categorical_crossentropy")',
        ),
        # Called twice with different losses: which one trains is not known here.
        (
            "pass",
            ', loss="mse"',
            'self.model.compile(optimizer="adam", loss=loss)',
            't = Trainer()\nt.compile_model()\nt.compile_model(loss="categorical_crossentropy")',
        ),
        # Another call of a method of that name, on an object not known.
        (
            "pass",
            ', loss="mse"',
            'self.model.compile(optimizer="adam", loss=loss)',
            "t = Trainer()\nt.compile_model()\nother.compile_model()",
        ),
        # A subclass overrides the method.
        (
            "pass",
            ', loss="mse"',
            'self.model.compile(optimizer="adam", loss=loss)',
            'class Better(Trainer):\n    def compile_model(self, loss="categorical_crossentropy"):\n'
            '        self.model.compile(optimizer="adam", loss=loss)\nt = Better()\nt.compile_model()',
        ),
        # The attribute changed from outside.
        (
            "pass",
            "",
            'self.model.compile(optimizer="adam", loss=self.loss)',
            't = Trainer()\nt.loss = "categorical_crossentropy"\nt.compile_model()',
        ),
    ],
)
def test_an_instance_whose_values_may_differ_is_silent(
    compile_in_init: str, signature: str, compile_in_method: str, use: str
) -> None:
    program = HELD.format(
        compile_in_init=compile_in_init, signature=signature, compile_in_method=compile_in_method, use=use
    )
    assert codes(program) == []


# -- a default naming an imported loss --------------------------------------

IMPORTED_DEFAULT = """\
from tensorflow.keras.layers import Dense
from tensorflow.keras.losses import mean_squared_error
from tensorflow.keras.models import Sequential
{between}

class Model:
    {class_body}
    def __init__(self, loss=mean_squared_error):
        self.loss = loss
        self.model = Sequential([Dense(3, activation="softmax")])
        self.model.compile(optimizer="adam", loss=self.loss)


{use}
"""


@pytest.mark.parametrize(
    ("between", "class_body", "use"),
    [
        ("", "", "m = Model()"),
        ("", '"""A model."""', "Model().model.summary()"),
        ("import numpy as np", "", "m = Model()"),
    ],
)
def test_an_imported_loss_as_a_default(between: str, class_body: str, use: str) -> None:
    assert codes(IMPORTED_DEFAULT.format(between=between, class_body=class_body, use=use)) == [("KL108", 11)]


@pytest.mark.parametrize(
    ("between", "class_body", "use"),
    [
        ("", "", 'm = Model(loss="categorical_crossentropy")'),
        # The class body binds the name: the default reads it there.
        ("", 'mean_squared_error = "categorical_crossentropy"', "m = Model()"),
        # The module binds the name twice.
        (
            "import sys\nif sys.argv[1:]:\n    from tensorflow.keras.losses import categorical_crossentropy as "
            "mean_squared_error",
            "",
            "m = Model()",
        ),
    ],
)
def test_an_imported_default_that_may_be_another_loss_is_silent(between: str, class_body: str, use: str) -> None:
    assert codes(IMPORTED_DEFAULT.format(between=between, class_body=class_body, use=use)) == []


# -- a model bound in a method the instance runs before the one that compiles it --

BUILT_THEN_TRAINED = """\
from keras.layers import Dense, Input
from keras.models import Model


class Retrainer:
    def __init__(self, classes):
        self.classes = classes
        {init_model}

    def build(self):
        inputs = Input(shape=(16,))
        predictions = Dense(self.classes, activation="sigmoid")(inputs)
        self.model = Model(inputs=inputs, outputs=predictions)

    def train(self, epochs=30):
        self.model.compile(optimizer="sgd", loss="categorical_crossentropy")
        self.model.fit(x, y, epochs=epochs)
{more}

{use}
"""


@pytest.mark.parametrize(
    ("init_model", "more", "use"),
    [
        ("self.model = None", "", "trainer = Retrainer(5)\ntrainer.build()\ntrainer.train()"),
        ("pass", "", "trainer = Retrainer(5)\ntrainer.build()\ntrainer.train(epochs=3)"),
        # A read-only use elsewhere.
        (
            "self.model = None",
            "\n    def show(self):\n        self.model.summary()\n",
            "trainer = Retrainer(5)\ntrainer.build()\ntrainer.train()\ntrainer.show()",
        ),
        (
            "self.model = None",
            "",
            "def main():\n    t = Retrainer(3)\n    t.build()\n    print('built')\n    t.train()\nmain()",
        ),
    ],
)
def test_a_model_built_in_a_method_run_first(init_model: str, more: str, use: str) -> None:
    assert codes(BUILT_THEN_TRAINED.format(init_model=init_model, more=more, use=use)) == [("KL107", 12)]


@pytest.mark.parametrize(
    ("init_model", "more", "use"),
    [
        # Trained before it is built.
        ("self.model = None", "", "trainer = Retrainer(5)\ntrainer.train()\ntrainer.build()\n"),
        # Built only on one branch, or in a loop.
        ("self.model = None", "", "trainer = Retrainer(5)\nif flag:\n    trainer.build()\ntrainer.train()"),
        ("self.model = None", "", "trainer = Retrainer(5)\nfor _ in range(2):\n    trainer.build()\ntrainer.train()"),
        # Two instances.
        ("self.model = None", "", "a = Retrainer(5)\nb = Retrainer(5)\na.build()\nb.train()"),
        # The name rebound between the calls.
        ("self.model = None", "", "t = Retrainer(5)\nt.build()\nt = Retrainer(5)\nt.train()"),
        # Built twice, or another object's method of the same name.
        ("self.model = None", "", "t = Retrainer(5)\nt.build()\nt.build()\nt.train()"),
        ("self.model = None", "", "t = Retrainer(5)\nt.build()\nt.train()\nother.build()"),
        # __init__ holds a model of its own.
        ("self.model = make()", "", "t = Retrainer(5)\nt.build()\nt.train()"),
        # Another method compiles it too.
        (
            "self.model = None",
            "\n    def tune(self):\n        self.model.compile(loss='binary_crossentropy')\n",
            "t = Retrainer(5)\nt.build()\nt.train()",
        ),
        # A subclass may build it otherwise.
        ("self.model = None", "", "class Other(Retrainer):\n    pass\nt = Retrainer(5)\nt.build()\nt.train()"),
        # Set from outside.
        ("self.model = None", "", "t = Retrainer(5)\nt.build()\nt.model = load()\nt.train()"),
    ],
)
def test_a_model_built_in_a_method_not_surely_run_first_is_silent(init_model: str, more: str, use: str) -> None:
    assert codes(BUILT_THEN_TRAINED.format(init_model=init_model, more=more, use=use)) == []


def _messages(program: str) -> list[str]:
    result = check_bytes("model.py", textwrap.dedent(program).encode(), Settings())
    return [d.message for d in result.diagnostics if d.code == "KL202"]


NO_DEFAULTS = """\
from sklearn.datasets import load_breast_cancer
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense

X, y = load_breast_cancer(return_X_y=True)


def train(x, labels):
    model = Sequential([Dense(2, activation="softmax")])
    model.compile(loss="categorical_crossentropy")
    model.fit(x, labels)
    return model


{call}
"""


@pytest.mark.parametrize(
    ("program", "named"),
    [
        # A finding for one call names the labels as that call passes them.
        (HELPER.format(rebind="pass", fit="x, labels", call="train(X, y)"), "`fit` gets `y`"),
        (HELPER.format(rebind="pass", fit="x, labels", call="train(X, labels=y, epochs=1)"), "`fit` gets `y`"),
        # One for the function as every call runs it, as its body names them.
        (NO_DEFAULTS.format(call="train(X, y)"), "`fit` gets `labels`"),
        (NO_DEFAULTS.format(call="train(X, y)\ntrain(X[:10], y[:10])"), "`fit` gets `labels`"),
    ],
)
def test_labels_through_a_parameter_are_named_where_the_finding_is_read(program: str, named: str) -> None:
    (message,) = _messages(program)
    assert named in message
