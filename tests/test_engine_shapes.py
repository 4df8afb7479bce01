"""Shapes of real code the engine sees through (issue 11, third round), each
written several ways, with the correct twin that must stay silent and a
tricky correct case: a model compiled and only used to predict whose
weights can only be random, sub-models grown with ``add`` and stacked,
scikit-learn wrappers around a builder, constant branch conditions and
loops over literal sequences."""

from __future__ import annotations

import textwrap

import pytest

from keraslint.config import Settings
from keraslint.runner import check_bytes


def codes(program: str) -> list[tuple[str, int]]:
    result = check_bytes("model.py", textwrap.dedent(program).encode(), Settings())
    assert not result.internal_errors
    # A twin that does not parse would be silent for the wrong reason.
    assert all(d.code != "KL001" for d in result.diagnostics), result.diagnostics
    # A finding folded into another (keraslint.folding) is still found.
    every = [f for d in result.diagnostics for f in (d, *d.folded)]
    return sorted((d.code, d.span.start.line) for d in every if d.code[:3] in ("KL1", "KL2"))


# -- a model compiled, then only used to predict ---------------------------------
# Its weights are random unless something gave it others: the file is a
# training program with the fit left out, and the compile is in effect.

FRESH_PREDICT = [
    # tf.keras, activation as the function object, a list of layers.
    """\
    import numpy as np
    import tensorflow as tf
    model = tf.keras.models.Sequential([
        tf.keras.layers.Dense(40, input_shape=(21,), activation=tf.nn.relu),
        tf.keras.layers.Dense(1, activation=tf.nn.softmax),
    ])
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    print(model.predict(np.zeros((1, 21))))
    """,
    # keras 3, grown with add, another name, predict_on_batch.
    """\
    import keras
    from keras import layers
    net = keras.Sequential()
    net.add(layers.Dense(16, activation="relu"))
    net.add(layers.Dense(1, activation="sigmoid"))
    net.compile(loss="sparse_categorical_crossentropy")
    scores = net.predict_on_batch(batch)
    """,
    # standalone imports, summary and evaluate before predict.
    """\
    from keras.models import Sequential
    from keras.layers import Dense
    clf = Sequential([Dense(8, activation="relu"), Dense(1, activation="sigmoid")])
    clf.compile(loss="categorical_crossentropy", optimizer="sgd")
    clf.summary()
    clf.evaluate(x, y)
    out = clf.predict(x)
    """,
]


@pytest.mark.parametrize("program", FRESH_PREDICT)
def test_a_fresh_model_compiled_then_predicted_keeps_its_compile(program: str) -> None:
    found = codes(program)
    assert ("KL103", 7 if "tf.nn" in program else 6 if "net" in program else 4) in found


FRESH_TWINS = [
    # The correct twin of each: a binary loss on a sigmoid.
    """\
    import tensorflow as tf
    model = tf.keras.models.Sequential([tf.keras.layers.Dense(1, activation=tf.nn.sigmoid)])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    print(model.predict(x))
    """,
    # Weights from a file: a compile for predict only.
    """\
    import keras
    net = keras.Sequential([keras.layers.Dense(64, activation="relu")])
    net.compile(loss="categorical_crossentropy")
    net.load_weights("net.weights.h5")
    features = net.predict(x)
    """,
    # Weights copied from a trained model through ``.layers``.
    """\
    import keras
    trained = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(10, activation="softmax")])
    trained.compile(loss="categorical_crossentropy")
    trained.fit(x, y)
    extractor = keras.Sequential([keras.layers.Dense(64, activation="relu")])
    for i, layer in enumerate(extractor.layers):
        layer.set_weights(trained.layers[i].get_weights())
    extractor.compile(loss="categorical_crossentropy")
    features = extractor.predict(x)
    """,
    # A layer object shared with a trained model: its weights are trained.
    """\
    import keras
    hidden = keras.layers.Dense(64, activation="relu")
    trained = keras.Sequential([hidden, keras.layers.Dense(10, activation="softmax")])
    trained.compile(loss="categorical_crossentropy")
    trained.fit(x, y)
    extractor = keras.Sequential([hidden])
    extractor.compile(loss="categorical_crossentropy")
    features = extractor.predict(x)
    """,
    # Pretrained embedding weights given to the layer.
    """\
    import keras
    encoder = keras.Sequential([keras.layers.Embedding(1000, 64, weights=[matrix]), keras.layers.GlobalAveragePooling1D()])
    encoder.compile(loss="categorical_crossentropy")
    vectors = encoder.predict(ids)
    """,
    # Passed to a function that may set its weights.
    """\
    import keras
    extractor = keras.Sequential([keras.layers.Dense(64, activation="relu")])
    copy_weights(source, extractor)
    extractor.compile(loss="categorical_crossentropy")
    features = extractor.predict(x)
    """,
]


@pytest.mark.parametrize("program", FRESH_TWINS)
def test_predict_only_twins_are_silent(program: str) -> None:
    assert codes(program) == []


# -- sub-models grown with add, then stacked ---------------------------------------

NESTED_GROWN = [
    # tf.keras: both parts grown with add (one in a loop), stacked in a list.
    (
        """\
        from tensorflow.keras.layers import Dense, Flatten, Reshape
        from tensorflow.keras.models import Sequential
        encoder = Sequential()
        encoder.add(Flatten(input_shape=[28, 28]))
        for width in (400, 200):
            encoder.add(Dense(width, activation="relu"))
        decoder = Sequential()
        decoder.add(Dense(400, activation="relu"))
        decoder.add(Dense(784, activation="relu"))
        decoder.add(Reshape([28, 28]))
        autoencoder = Sequential([encoder, decoder])
        autoencoder.compile(loss="binary_crossentropy", optimizer="adam")
        """,
        [("KL106", 12)],
    ),
    # keras 3, other names: a one-unit sigmoid head with a categorical loss.
    (
        """\
        import keras
        trunk = keras.Sequential()
        trunk.add(keras.layers.Dense(32, activation="relu"))
        head = keras.Sequential()
        head.add(keras.layers.Dense(1, activation="sigmoid"))
        net = keras.Sequential([trunk, head])
        net.compile(optimizer="sgd", loss="categorical_crossentropy")
        """,
        [("KL103", 7)],
    ),
    # standalone keras, functional: the grown decoder called on a tensor.
    (
        """\
        from keras import Input, Model, Sequential
        from keras.layers import Dense
        decoder = Sequential()
        decoder.add(Dense(64, activation="relu"))
        decoder.add(Dense(784))
        inputs = Input((32,))
        model = Model(inputs, decoder(inputs))
        model.compile(loss="binary_crossentropy")
        """,
        [("KL106", 8)],
    ),
]


@pytest.mark.parametrize(("program", "expected"), NESTED_GROWN)
def test_a_grown_sub_model_decides_the_output(program: str, expected: list[tuple[str, int]]) -> None:
    assert codes(program) == expected


_BASES = [textwrap.dedent(program) for program, _ in NESTED_GROWN]
NESTED_TWINS = [
    # The correct twin: the decoder ends in sigmoid.
    _BASES[0].replace('decoder.add(Dense(784, activation="relu"))', 'decoder.add(Dense(784, activation="sigmoid"))'),
    _BASES[1].replace('"sigmoid"', '"softmax"').replace("Dense(1,", "Dense(4,"),
    # Grown after it is nested: the stacked model has the later layer too.
    _BASES[0].replace("autoencoder.compile", 'decoder.add(Dense(784, activation="sigmoid"))\nautoencoder.compile'),
    # Passed to a helper that may add to it.
    _BASES[1].replace("net = keras", "finish(head)\nnet = keras"),
    # Read in a function, which may run before or after the adds.
    """\
    import keras
    head = keras.Sequential()
    def build():
        return keras.Sequential([head])
    head.add(keras.layers.Dense(1, activation="sigmoid"))
    net = build()
    net.compile(loss="categorical_crossentropy")
    """,
]


@pytest.mark.parametrize("program", NESTED_TWINS)
def test_grown_sub_model_twins_are_silent(program: str) -> None:
    assert codes(textwrap.dedent(program)) == []


# -- a regression loss on a softmax whose width is computed -------------------------
# One unit: a constant output; more: a classifier. Wrong whatever the width.

UNKNOWN_WIDTH_SOFTMAX = [
    """\
    import numpy as np
    import keras
    y = np.load("y.npy")
    model = keras.Sequential([keras.layers.Dense(len(np.unique(y)), activation="softmax")])
    model.compile(optimizer="adam", loss="mse")
    """,
    """\
    import tensorflow as tf
    inputs = tf.keras.Input((8,))
    outputs = tf.keras.layers.Dense(labels.shape[1], activation=tf.nn.softmax)(inputs)
    model = tf.keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss=tf.keras.losses.MeanAbsoluteError())
    """,
    """\
    from keras.models import Sequential
    from keras.layers import Dense, Activation
    from keras import losses
    net = Sequential()
    net.add(Dense(n_classes))
    net.add(Activation("softmax"))
    net.compile(loss=losses.mean_squared_error, optimizer="sgd")
    """,
]


@pytest.mark.parametrize("program", UNKNOWN_WIDTH_SOFTMAX)
def test_regression_loss_on_a_softmax_of_unknown_width(program: str) -> None:
    assert [code for code, _ in codes(program)] == ["KL108"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('"softmax")])', '"linear")])'),  # a linear regression head
        ('loss="mse"', 'loss="categorical_crossentropy"'),  # the right loss
        ('"softmax")])', '"sigmoid")])'),  # proportions in [0, 1] by sigmoid: a regression
    ],
)
def test_unknown_width_softmax_twins_are_silent(old: str, new: str) -> None:
    program = textwrap.dedent(UNKNOWN_WIDTH_SOFTMAX[0])
    assert old in program
    assert codes(program.replace(old, new)) == []


def test_a_softmax_over_another_axis_is_not_read() -> None:
    # ``Softmax(axis=1)`` may normalise over any axis: no width, no finding.
    program = textwrap.dedent(UNKNOWN_WIDTH_SOFTMAX[2]).replace('Activation("softmax")', "Softmax(axis=1)")
    program = program.replace("Dense, Activation", "Dense, Softmax")
    assert codes(program) == []


# -- scikit-learn wrappers around a builder -------------------------------------------
# The wrapper calls its builder with the parameters it routes to it.

WRAPPED = [
    # Keras 2: an sk_param named like the builder's argument replaces its default.
    (
        """\
        from keras.models import Sequential
        from keras.layers import Dense
        from keras.wrappers.scikit_learn import KerasClassifier
        def create_model(activation="sigmoid", optimizer="adam"):
            model = Sequential()
            model.add(Dense(12, activation="relu"))
            model.add(Dense(1, activation=activation))
            model.compile(loss="binary_crossentropy", optimizer=optimizer)
            return model
        clf = KerasClassifier(build_fn=create_model, activation="relu", epochs=10)
        clf.fit(x, y)
        """,
        [("KL106", 8)],
    ),
    # tf.keras, a regressor, positional builder, its defaults.
    (
        """\
        import tensorflow as tf
        def build(units=4, head="softmax"):
            net = tf.keras.Sequential([tf.keras.layers.Dense(units, activation=head)])
            net.compile(optimizer="adam", loss="mse")
            return net
        reg = tf.keras.wrappers.scikit_learn.KerasRegressor(build, epochs=5, verbose=0)
        reg.fit(x, y)
        """,
        [("KL108", 4)],
    ),
    # scikeras: parameters routed with the ``model__`` prefix.
    (
        """\
        import keras
        from scikeras.wrappers import KerasClassifier
        def get_model(units=10):
            model = keras.Sequential([keras.layers.Dense(units, activation="sigmoid")])
            model.compile(loss="binary_crossentropy")
            return model
        clf = KerasClassifier(model=get_model, model__units=3, loss="binary_crossentropy")
        clf.fit(x, y)
        """,
        [],
    ),
    # A lambda calling the builder.
    (
        """\
        from keras.models import Sequential
        from keras.layers import Dense
        from keras.wrappers.scikit_learn import KerasClassifier
        def build(classes, loss):
            model = Sequential([Dense(16, activation="relu"), Dense(classes, activation="softmax")])
            model.compile(optimizer="adam", loss=loss)
            return model
        clf = KerasClassifier(build_fn=lambda: build(3, loss="mean_absolute_error"), epochs=10)
        clf.fit(x, y)
        """,
        [("KL108", 6)],
    ),
]


@pytest.mark.parametrize(("program", "expected"), WRAPPED)
def test_a_wrapper_runs_its_builder(program: str, expected: list[tuple[str, int]]) -> None:
    assert codes(program) == expected


def test_scikeras_routes_prefixed_parameters() -> None:
    program = textwrap.dedent(WRAPPED[2][0]).replace('activation="sigmoid"', 'activation="softmax"')
    # A 3-unit softmax with binary crossentropy: the routed width decides.
    assert codes(program) == [("KL102", 5)]
    # Routed a width of 2 (two-class softmax + BCE is correct on one-hot).
    assert codes(program.replace("model__units=3", "model__units=2")) == []


WRAPPED_TWINS = [
    # The correct twin of the first: the routed activation is sigmoid.
    textwrap.dedent(WRAPPED[0][0]).replace('activation="relu", epochs', 'activation="sigmoid", epochs'),
    # Its defaults are correct and nothing is routed.
    textwrap.dedent(WRAPPED[0][0]).replace('activation="relu", epochs', "epochs"),
    # A grid search may set the parameter: the wrapper's own value is not the one trained.
    textwrap.dedent(WRAPPED[0][0])
    + "from sklearn.model_selection import GridSearchCV\n"
    + 'search = GridSearchCV(clf, param_grid={"activation": ["sigmoid"]})\n',
    # scikeras, unprefixed: it may or may not reach the builder.
    textwrap.dedent(WRAPPED[2][0])
    .replace('activation="sigmoid"', 'activation="softmax"')
    .replace("model__units=3", "units=3"),
    # The wrapper's targets are converted by the wrapper: not read as the model's.
    textwrap.dedent(WRAPPED[0][0])
    .replace('activation="relu", epochs', "epochs")
    .replace("clf.fit(x, y)", "clf.fit(x, [0, 1, 2, 3])"),
]


@pytest.mark.parametrize("program", WRAPPED_TWINS)
def test_wrapper_twins_are_silent(program: str) -> None:
    assert codes(program) == []


# -- conditions that are the same in every run -----------------------------------------

CONSTANT_BRANCHES = [
    # keras 3: a module flag bound once decides which head is added.
    """\
    import keras
    DEBUG = False
    model = keras.Sequential([keras.layers.Dense(16, activation="relu")])
    if DEBUG:
        model.add(keras.layers.Dense(3))
    else:
        model.add(keras.layers.Dense(1, activation="sigmoid"))
    model.compile(loss="categorical_crossentropy")
    """,
    # tf.keras: ``if 0:`` never runs, so the head before it is the output.
    """\
    import tensorflow as tf
    model = tf.keras.Sequential()
    model.add(tf.keras.layers.Dense(1, activation="sigmoid"))
    if 0:
        model.add(tf.keras.layers.Dense(10, activation="softmax"))
    model.compile(loss="categorical_crossentropy")
    """,
    # standalone keras, functional, a negated flag read in a builder.
    """\
    from keras.layers import Dense, Input
    from keras.models import Model
    MULTICLASS = False
    def build():
        inputs = Input((8,))
        if not MULTICLASS:
            outputs = Dense(1, activation="sigmoid")(inputs)
        else:
            outputs = Dense(10, activation="softmax")(inputs)
        return Model(inputs, outputs)
    model = build()
    model.compile(loss="categorical_crossentropy")
    """,
]


@pytest.mark.parametrize("program", CONSTANT_BRANCHES)
def test_a_constant_condition_decides_its_branch(program: str) -> None:
    assert [code for code, _ in codes(program)] == ["KL103"]


CONSTANT_TWINS = [
    # The correct twin: the branch that runs is right.
    textwrap.dedent(CONSTANT_BRANCHES[0]).replace("categorical_crossentropy", "binary_crossentropy"),
    # The other side runs: a 3-way softmax.
    textwrap.dedent(CONSTANT_BRANCHES[0])
    .replace("DEBUG = False", "DEBUG = True")
    .replace("Dense(3)", 'Dense(3, activation="softmax")'),
    # The flag is set again in a function: not the same in every run.
    textwrap.dedent(CONSTANT_BRANCHES[0]) + "def enable():\n    global DEBUG\n    DEBUG = True\n",
    # Bound twice at module level.
    textwrap.dedent(CONSTANT_BRANCHES[0]).replace("DEBUG = False", "DEBUG = False\nDEBUG = load_flag()"),
    # A parameter of the same name in the function that reads it.
    textwrap.dedent(CONSTANT_BRANCHES[2]).replace("def build():", "def build(MULTICLASS=True):"),
    # Bound under a branch: not unconditional.
    textwrap.dedent(CONSTANT_BRANCHES[0]).replace("DEBUG = False", "if fast:\n    DEBUG = False"),
    # TYPE_CHECKING-style names are flipped from outside.
    textwrap.dedent(CONSTANT_BRANCHES[0]).replace("DEBUG", "TYPE_CHECKING"),
    # ``globals()`` can bind any module name.
    textwrap.dedent(CONSTANT_BRANCHES[0]) + 'globals()["DEBUG"] = True\n',
    # Read at module level before its assignment.
    textwrap.dedent(CONSTANT_BRANCHES[0])
    .replace("DEBUG = False\n", "")
    .replace("model.compile", "DEBUG = False\nmodel.compile"),
]


@pytest.mark.parametrize("program", CONSTANT_TWINS)
def test_constant_condition_twins_are_silent(program: str) -> None:
    assert codes(program) == []


# -- a loop over a literal, non-empty sequence ------------------------------------------
# Its last iteration surely runs last: what it adds ends the model.

LAST_ITERATION = [
    # keras 3, a tuple literal.
    (
        """\
        import keras
        model = keras.Sequential([keras.Input((8,))])
        for units in (64, 32, 1):
            model.add(keras.layers.Dense(units, activation="sigmoid"))
        model.compile(loss="categorical_crossentropy")
        """,
        [("KL103", 5)],
    ),
    # tf.keras, a list literal, two adds per iteration.
    (
        """\
        import tensorflow as tf
        from tensorflow.keras import layers
        model = tf.keras.Sequential()
        for width in [128, 10]:
            model.add(layers.Dense(width))
            model.add(layers.Activation("sigmoid"))
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        """,
        [("KL107", 6)],
    ),
    # standalone keras, a builder whose default is the sequence.
    (
        """\
        from keras.models import Sequential
        from keras.layers import Dense
        def build(sizes=(32, 3)):
            model = Sequential()
            for size in sizes:
                model.add(Dense(size, activation="softmax"))
            model.compile(loss="binary_crossentropy")
            return model
        net = build()
        """,
        [("KL102", 7)],
    ),
]


@pytest.mark.parametrize(("program", "expected"), LAST_ITERATION)
def test_the_last_iteration_of_a_literal_loop_is_certain(program: str, expected: list[tuple[str, int]]) -> None:
    assert codes(program) == expected


_LOOPS = [textwrap.dedent(program) for program, _ in LAST_ITERATION]
LAST_ITERATION_TWINS = [
    # The correct twin: the last iteration adds the right head.
    _LOOPS[0].replace("(64, 32, 1)", "(64, 32, 10)").replace('"sigmoid"', '"softmax"'),
    # An earlier iteration would be wrong as the output, the last is right.
    _LOOPS[0].replace("(64, 32, 1)", "(1, 10)").replace('"sigmoid"', '"softmax"'),
    # ``break`` may end the loop before its last element.
    _LOOPS[0].replace('activation="sigmoid"))', 'activation="sigmoid"))\n    if done():\n        break'),
    # ``continue`` may skip the add in the last iteration.
    _LOOPS[1].replace(
        "    model.add(layers.Dense(width))", "    if width > 64:\n        continue\n    model.add(layers.Dense(width))"
    ),
    # A sequence not known (it may be empty).
    _LOOPS[0].replace("(64, 32, 1)", "widths"),
    # Called with another sequence: its last size is correct.
    _LOOPS[2]
    .replace("net = build()", "net = build((32, 2))")
    .replace("binary_crossentropy", "categorical_crossentropy"),
]


@pytest.mark.parametrize("program", LAST_ITERATION_TWINS)
def test_last_iteration_twins_are_silent(program: str) -> None:
    assert codes(program) == []
