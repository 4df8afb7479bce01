"""Shapes of real code the engine sees through (issue 11), each with its
correct twins that must stay silent: unknown head widths, logits heads,
loop bodies, generators and tokenizer ids."""

from __future__ import annotations

import textwrap

import pytest

from keraslint.config import Settings
from keraslint.runner import check_bytes


def codes(program: str) -> list[tuple[str, int]]:
    result = check_bytes("model.py", textwrap.dedent(program).encode(), Settings())
    assert not result.internal_errors
    # A finding folded into another (keraslint.folding) is still found.
    every = [f for d in result.diagnostics for f in (d, *d.folded)]
    return sorted((d.code, d.span.start.line) for d in every if d.code[:3] in ("KL1", "KL2"))


GENERATOR = """\
from keras.preprocessing.image import ImageDataGenerator
from keras import layers, models
train = ImageDataGenerator(rescale=1 / 255).flow_from_directory("data/train", class_mode="categorical")
model = models.Sequential()
model.add(layers.Flatten())
model.add({head})
model.compile(optimizer="adam", loss={loss!r})
model.fit(train)
"""


def test_sigmoid_of_unknown_width_with_categorical_loss() -> None:
    program = GENERATOR.format(
        head='layers.Dense(train.num_classes, activation="sigmoid")', loss="categorical_crossentropy"
    )
    assert codes(program) == [("KL107", 6)]


@pytest.mark.parametrize(
    ("head", "loss"),
    [
        ('layers.Dense(train.num_classes, activation="softmax")', "categorical_crossentropy"),
        ('layers.Dense(train.num_classes, activation="sigmoid")', "binary_crossentropy"),
        # The width after a reshape is not the sigmoid layer's: not read.
        (
            'layers.Dense(train.num_classes, activation="sigmoid")); model.add(layers.Flatten()',
            "categorical_crossentropy",
        ),
    ],
)
def test_unknown_width_twins_are_silent(head: str, loss: str) -> None:
    assert codes(GENERATOR.format(head=head, loss=loss)) == []


REGRESSION = """\
import keras
from sklearn.datasets import make_regression
x, y = make_regression(1000, n_features=8{extra})
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss={loss!r})
model.fit(x, y)
"""


def test_targets_generated_around_zero_with_a_log_loss() -> None:
    assert codes(REGRESSION.format(extra="", loss="poisson")) == [("KL110", 5)]
    assert codes(REGRESSION.format(extra=", bias=0.0", loss="msle")) == [("KL110", 5)]


@pytest.mark.parametrize(
    ("extra", "loss"),
    [
        ("", "mse"),
        # Shifted away from zero, or an argument that may shift them.
        (", bias=500.0", "poisson"),
        (", bias=BIAS", "poisson"),
        (", 8, 1, 500.0", "poisson"),
    ],
)
def test_shifted_or_other_loss_twins_are_silent(extra: str, loss: str) -> None:
    assert codes(REGRESSION.format(extra=extra, loss=loss)) == []


LOOP_BODY = """\
import keras
(x, y), _ = keras.datasets.mnist.load_data()
for fold in range(5):
{body}
"""


def _in_loop(body: str) -> str:
    return LOOP_BODY.format(body=textwrap.indent(textwrap.dedent(body), "    "))


def test_a_binding_is_certain_later_in_the_same_iteration() -> None:
    program = _in_loop(
        """\
        y_fit = keras.utils.to_categorical(y, 10)
        model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(x, y_fit)
        """
    )
    assert codes(program) == [("KL201", 6)]


@pytest.mark.parametrize(
    "body",
    [
        # One branch binds, the other does not: not certain after the ``if``.
        """\
        model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        y_fit = y
        if fold:
            y_fit = keras.utils.to_categorical(y, 10)
        model.fit(x, y_fit)
        """,
        # Bound in the ``if`` body, read in the ``elif``/``else`` body.
        """\
        model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        y_fit = y
        if fold == 1:
            y_fit = keras.utils.to_categorical(y, 10)
        elif fold == 2:
            model.fit(x, y_fit)
        else:
            model.fit(x, y_fit)
        """,
        # Bound in a nested loop, read after it (the nested loop may not run).
        """\
        model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        y_fit = y
        for _ in range(fold):
            y_fit = keras.utils.to_categorical(y, 10)
        model.fit(x, y_fit)
        """,
    ],
)
def test_branches_inside_the_iteration_stay_uncertain(body: str) -> None:
    assert codes(_in_loop(body)) == []


def test_a_binding_in_a_loop_is_not_certain_after_it() -> None:
    program = _in_loop("y_fit = keras.utils.to_categorical(y, 10)\n") + (
        'model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])\n'
        'model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")\n'
        "model.fit(x, y_fit)\n"
    )
    assert codes(program) == []


NEXT_WORD = """\
import numpy as np
import tensorflow as tf
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras.preprocessing.text import Tokenizer

lines = open("poems.txt").read().split("\\n")
tokenizer = Tokenizer()
tokenizer.fit_on_texts(lines)
vocabulary = len(tokenizer.word_index) + 1
grams = []
for line in lines:
    tokens = tokenizer.texts_to_sequences([line])[0]
    for end in range(1, len(tokens)):
        grams.append({item})
{change}grams = np.array(pad_sequences(grams, maxlen=20))
inputs, labels = grams[:, :-1], grams[:, -1]
model = tf.keras.Sequential([tf.keras.layers.Embedding(vocabulary, 32), tf.keras.layers.Dense(vocabulary, activation="softmax")])
model.compile(optimizer="adam", loss={loss!r})
model.fit(inputs, labels)
"""


def test_token_ids_appended_in_a_loop_then_sliced_are_integer_labels() -> None:
    program = NEXT_WORD.format(item="tokens[: end + 1]", change="", loss="categorical_crossentropy")
    assert codes(program) == [("KL202", 18)]


@pytest.mark.parametrize(
    ("item", "change", "loss"),
    [
        ("tokens[: end + 1]", "", "sparse_categorical_crossentropy"),
        # Something else appended, or the list changed otherwise first.
        ("[end, end + 1]", "", "categorical_crossentropy"),
        ("tokens[: end + 1]", "grams.insert(0, [0.5])\n", "categorical_crossentropy"),
        ("tokens[: end + 1]", "grams = grams + extra\n", "categorical_crossentropy"),
    ],
)
def test_token_id_list_twins_are_silent(item: str, change: str, loss: str) -> None:
    assert codes(NEXT_WORD.format(item=item, change=change, loss=loss)) == []


# A subclassed model whose class statement comes right after the import of
# its base (issue 11: ``import tensorflow as tf`` then ``class Net(tf.keras.Model)``).
# The class's bases and its ``__init__`` defaults are read at the class
# statement, which sees the import just above it.
SUBCLASS_RIGHT_AFTER_IMPORT = """\
{imports}
class Net({base}):
    def __init__(self, num_classes{default}):
        super().__init__()
        self.hidden = {dense}(16, activation="relu")
        self.head = {dense}(num_classes, activation={activation!r})

    def call(self, inputs):
        return self.head(self.hidden(inputs))

model = Net({argument})
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train)
"""

IMPORT_FORMS = [
    ("import tensorflow as tf", "tf.keras.Model", "tf.keras.layers.Dense"),
    ("import keras", "keras.Model", "keras.layers.Dense"),
    ("from tensorflow import keras", "keras.models.Model", "keras.layers.Dense"),
    ("from keras.models import Model\nfrom keras.layers import Dense", "Model", "Dense"),
]


@pytest.mark.parametrize(("imports", "base", "dense"), IMPORT_FORMS)
@pytest.mark.parametrize(("default", "argument"), [("", "10"), ("", "num_classes=10"), ("=10", "")])
def test_subclass_right_after_the_import_of_its_base(
    imports: str, base: str, dense: str, default: str, argument: str
) -> None:
    program = SUBCLASS_RIGHT_AFTER_IMPORT.format(
        imports=imports, base=base, dense=dense, default=default, argument=argument, activation="sigmoid"
    )
    head_line = imports.count("\n") + 6
    assert codes(program) == [("KL107", head_line)]


@pytest.mark.parametrize(("imports", "base", "dense"), IMPORT_FORMS)
def test_subclass_right_after_the_import_twin_is_silent(imports: str, base: str, dense: str) -> None:
    program = SUBCLASS_RIGHT_AFTER_IMPORT.format(
        imports=imports, base=base, dense=dense, default="", argument="10", activation="softmax"
    )
    assert codes(program) == []


# How real code imports Keras (issue 11's rerun of 25 repositories): a
# try/except ImportError or if/else between two spellings of the same
# module, a name assigned the module, several star imports.
HEAD = """\
model = keras.Sequential([keras.layers.Dense(8), keras.layers.Dense(1, activation="softmax")])
model.compile(loss="binary_crossentropy")
model.fit(x, y)
"""


@pytest.mark.parametrize(
    "imports",
    [
        "try:\n    from tensorflow import keras\nexcept ImportError:\n    import keras\n",
        "if cond:\n    from tensorflow import keras\nelse:\n    from tensorflow import keras\n",
        "try:\n    import tensorflow.keras as keras\nexcept ImportError:\n    import tf_keras as keras\n",
        "import tensorflow as tf\nkeras = tf.keras\n",
        "import tensorflow as tf\nk = tf.keras\nkeras = k\n",
        # One branch imports Keras, the other assigns it: Keras either way.
        "import tensorflow as tf\nif tf.__version__ < '2.16':\n    keras = tf.keras\nelse:\n    import keras\n",
        "import tensorflow as tf\ntry:\n    import keras\nexcept ImportError:\n    keras = tf.keras\n",
        "import tensorflow as tf\ntry:\n    import tf_keras as keras\nexcept ImportError:\n    k = tf.keras\n    keras = k\n",
    ],
)
def test_keras_imported_as_real_code_does(imports: str) -> None:
    assert codes(imports + HEAD) == [("KL101", imports.count("\n") + 1)]


def test_keras_assigned_in_an_except_read_from_a_function() -> None:
    program = (
        "import tensorflow as tf\ntry:\n    import keras\nexcept ImportError:\n    keras = tf.keras\n"
        "def build():\n"
        + textwrap.indent(HEAD.replace("model.fit(x, y)\n", "return model\n"), "    ")
        + "model = build()\nmodel.fit(x, y)\n"
    )
    assert codes(program) == [("KL101", 7)]


def test_keras_imported_in_a_try_read_from_a_function() -> None:
    program = (
        "try:\n    from tensorflow import keras\nexcept ImportError:\n    import keras\n"
        "def build():\n"
        + textwrap.indent(HEAD.replace("model.fit(x, y)\n", "return model\n"), "    ")
        + "model = build()\nmodel.fit(x, y)\n"
    )
    assert codes(program) == [("KL101", 6)]


@pytest.mark.parametrize(
    "imports",
    [
        # Not certainly Keras on every path: None, another module, a plain value.
        "try:\n    from tensorflow import keras\nexcept ImportError:\n    keras = None\n",
        "if cond:\n    from tensorflow import keras\nelse:\n    import mylib as keras\n",
        "import tensorflow as tf\nkeras = tf.keras\nkeras = make_keras()\n",
        "import tensorflow as tf\nif cond:\n    keras = tf.keras\n",
        # One branch assigns something that is not Keras.
        "import tensorflow as tf\nif cond:\n    keras = tf.keras\nelse:\n    keras = make_keras()\n",
        "import tensorflow as tf\ntry:\n    import keras\nexcept ImportError:\n    keras = tf.estimator\n",
        "import mylib\nif cond:\n    import keras\nelse:\n    keras = mylib.keras\n",
    ],
)
def test_keras_that_may_be_something_else_is_silent(imports: str) -> None:
    assert codes(imports + HEAD) == []


STARRED = """\
{imports}
model = Sequential()
model.add(Dense(128, activation="relu", input_shape=(32,)))
model.add(Dense(1, activation="softmax"))
model.compile(loss="binary_crossentropy", optimizer="rmsprop")
model.fit(x_train, y_train, epochs=10)
"""


@pytest.mark.parametrize(
    "imports",
    [
        "from keras.models import *\nfrom keras.layers import *",
        "from tensorflow.keras.layers import *\nfrom tensorflow.keras.models import *\nfrom tensorflow.keras.optimizers import *",
        "from keras.layers import *\nfrom keras.models import *\nfrom keras.callbacks import *\nfrom keras.utils import *",
    ],
)
def test_several_star_imports_of_keras_modules(imports: str) -> None:
    assert codes(STARRED.format(imports=imports)) == [("KL101", imports.count("\n") + 4)]


@pytest.mark.parametrize(
    "imports",
    [
        # A module outside Keras imported after may export any name.
        "from keras.models import *\nfrom keras.layers import *\nfrom mylib import *",
        # A Keras module keraslint has no table for.
        "from keras.models import *\nfrom keras.layers import *\nfrom keras.layers.core import *",
    ],
)
def test_star_imports_that_may_shadow_are_silent(imports: str) -> None:
    assert codes(STARRED.format(imports=imports)) == []


# Layers after the head that keep its channels (issue 11: segmentation heads
# followed by ``Resizing``), and an activation after a ``Reshape`` whose last
# axis is written out.
SEGMENTATION = """\
import keras
from keras import layers
inputs = keras.Input(shape=(64, 64, 3))
x = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
x = layers.Conv2D({filters}, 1, activation="softmax")(x)
outputs = {after}(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss={loss!r})
model.fit(images, masks)
"""


@pytest.mark.parametrize(
    "after",
    [
        "layers.Resizing(128, 128)",
        'layers.Resizing(128, 128, interpolation="nearest")',
        'layers.Resizing(128, 128, "bilinear", crop_to_aspect_ratio=True)',
        "layers.UpSampling2D(2)",
        'layers.UpSampling2D(size=(2, 2), interpolation="bilinear")',
    ],
)
def test_a_resized_head_keeps_its_channels(after: str) -> None:
    program = SEGMENTATION.format(filters=4, after=after, loss="binary_crossentropy")
    assert codes(program) == [("KL102", 8)]


@pytest.mark.parametrize(
    ("after", "loss"),
    [
        # The right loss for a resized 4-class softmax.
        ("layers.Resizing(128, 128)", "categorical_crossentropy"),
        # Interpolations that may leave the input's range, padding, another
        # layout: not looked through.
        ('layers.Resizing(128, 128, interpolation="bicubic")', "binary_crossentropy"),
        ("layers.Resizing(128, 128, pad_to_aspect_ratio=True)", "binary_crossentropy"),
        ('layers.Resizing(128, 128, data_format="channels_first")', "binary_crossentropy"),
        ('layers.UpSampling2D(2, "channels_first")', "binary_crossentropy"),
        ("layers.Resizing(128, 128, interpolation=MODE)", "binary_crossentropy"),
    ],
)
def test_resizing_twins_are_silent(after: str, loss: str) -> None:
    assert codes(SEGMENTATION.format(filters=4, after=after, loss=loss)) == []


RESHAPED_HEAD = """\
import keras
from keras import layers
inputs = keras.Input(shape=(96, 96, 1))
x = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
x = layers.Conv2D({filters}, 1)(x)
x = layers.Reshape({shape})(x)
outputs = layers.Activation("softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(images, masks)
"""


@pytest.mark.parametrize("shape", ["(96 * 96, 1)", "[9216, 1]", "target_shape=(96 * 96, 1)"])
def test_softmax_after_a_reshape_to_one_channel(shape: str) -> None:
    assert codes(RESHAPED_HEAD.format(filters=1, shape=shape)) == [("KL101", 7), ("KL103", 9)]


@pytest.mark.parametrize(
    ("filters", "shape"),
    [
        # Two channels per pixel: a correct per-pixel softmax.
        (2, "(96 * 96, 2)"),
        # The last axis inferred (-1) or not known: no unit count.
        (1, "(96, -1)"),
        (1, "(96 * 96, CHANNELS)"),
        (1, "SHAPE"),
    ],
)
def test_reshaped_head_twins_are_silent(filters: int, shape: str) -> None:
    assert codes(RESHAPED_HEAD.format(filters=filters, shape=shape)) == []


# Models built by static methods, class methods and methods of plain
# classes, by a builder called for its side effects, by a factory passed as
# an argument (issue 11: keras-resnet's ResnetBuilder, an aeon estimator,
# ImageAI's trainer).
STATIC_BUILDER = """\
import keras


class Builder(object):
    @staticmethod
    def build(input_shape, num_outputs):
        inputs = keras.Input(shape=input_shape)
        outputs = keras.layers.Dense(num_outputs, activation="softmax")(inputs)
        return keras.Model(inputs, outputs)

    @staticmethod
    def build_small(input_shape, num_outputs):
        return Builder.build(input_shape, num_outputs)

    @classmethod
    def create(cls, num_outputs):
        return cls.build((32,), num_outputs)


model = {call}
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, y)
"""


@pytest.mark.parametrize(
    "call", ["Builder.build((32,), 1)", "Builder.build_small((32,), num_outputs=1)", "Builder.create(1)"]
)
def test_static_and_class_method_builders(call: str) -> None:
    assert codes(STATIC_BUILDER.format(call=call)) == [("KL101", 8)]


@pytest.mark.parametrize(
    ("call", "change"),
    [
        ("Builder.build((32,), 3)", ""),
        ("Builder.create(3)", ""),
        # Not the methods the body defines: replaced on the class, or
        # decorated by something else.
        ("Builder.build((32,), 1)", "Builder.build = other_build\n"),
        ("Builder.build((32,), 1)", "staticmethod = cached\n"),
    ],
)
def test_static_builder_twins_are_silent(call: str, change: str) -> None:
    program = STATIC_BUILDER.format(call=call)
    if "3)" in call:  # three classes: the categorical loss is right
        program = program.replace("binary_crossentropy", "categorical_crossentropy")
    if change.startswith("staticmethod"):
        program = change + program
    else:
        program = program.replace("\n\nmodel = ", f"\n\n{change}model = ", 1)
    assert codes(program) == []


ESTIMATOR = """\
import numpy as np
from tensorflow import keras


class Classifier:
    def __init__(self, epochs=10, activation={activation!r}, loss="categorical_crossentropy"):
        self.epochs = epochs
        self.activation = activation
        self.loss = loss

    def build_model(self, input_shape, n_classes):
        inputs = keras.layers.Input(input_shape)
        outputs = keras.layers.Dense(n_classes, activation=self.activation)(inputs)
        model = keras.models.Model(inputs=inputs, outputs=outputs)
        model.compile(loss=self.loss, optimizer="adam")
        return model

    def fit(self, X, y):
        n_classes = len(np.unique(y))
        self.model_ = self.build_model(X.shape[1:], n_classes)
        self.model_.fit(X, keras.utils.to_categorical(y), epochs=self.epochs)
        return self

{extra}clf = Classifier({arguments}){calls}
"""


@pytest.mark.parametrize(
    ("arguments", "calls"),
    [
        ("epochs=5", ".fit(series, labels)"),
        ("", "\nclf.fit(series, labels)"),
        ('activation="sigmoid"', "\nclf.fit(series, labels)"),
    ],
)
def test_plain_class_defaults_stored_on_self(arguments: str, calls: str) -> None:
    program = ESTIMATOR.format(activation="sigmoid", arguments=arguments, calls=calls, extra="")
    assert codes(program) == [("KL107", 13)]


@pytest.mark.parametrize(
    ("activation", "arguments", "calls", "extra"),
    [
        ("softmax", "", ".fit(series, labels)", ""),
        ("sigmoid", 'activation="softmax"', ".fit(series, labels)", ""),
        # The attribute may be replaced after ``__init__``.
        ("sigmoid", "", '\nclf.activation = "softmax"\nclf.fit(series, labels)', ""),
        ("sigmoid", "", '\nsetattr(clf, "activation", "softmax")\nclf.fit(series, labels)', ""),
        # A subclass of the file may override the method ``self`` calls.
        ("sigmoid", "", ".fit(series, labels)", "class Other(Classifier):\n    pass\n\n"),
        # Never called on an instance: the activation is a parameter.
        ("sigmoid", "", "", ""),
    ],
)
def test_plain_class_twins_are_silent(activation: str, arguments: str, calls: str, extra: str) -> None:
    program = ESTIMATOR.format(activation=activation, arguments=arguments, calls=calls, extra=extra)
    assert codes(program) == []


TRAINER = """\
from tensorflow.keras.applications import ResNet50
from tensorflow.keras.layers import Dense, GlobalAveragePooling2D
from tensorflow.keras.models import Model


{definition}
    base = ResNet50(include_top=False, weights=None, input_shape=(image_size, image_size, 3))
    x = GlobalAveragePooling2D()(base.output)
    predictions = Dense({units}, activation="softmax")(x)
    model = Model(inputs=base.input, outputs=predictions)
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    model.fit(train_generator, epochs=epochs)


{call}
"""

FUNCTION_TRAINER = "def train_model(num_objects, epochs=200, image_size=224):"
METHOD_TRAINER = (
    "class Trainer:\n    def __init__(self):\n        self.data_dir = ''\n\n"
    "    def train_model(self, num_objects, epochs=200, image_size=224):"
)


def _trainer(definition: str, units: str, call: str) -> str:
    program = TRAINER.format(definition=definition, units=units, call=call)
    if definition.startswith("class"):
        body = program.split(definition)[1].split("\n\n\n")[0]
        program = program.replace(body, textwrap.indent(body, "    "), 1)
    return program


@pytest.mark.parametrize(
    ("definition", "call", "lines"),
    [
        (FUNCTION_TRAINER, "train_model(num_objects=1, epochs=10)", (9, 11)),
        (FUNCTION_TRAINER, "train_model(1)", (9, 11)),
        (METHOD_TRAINER, "trainer = Trainer()\ntrainer.train_model(num_objects=1, epochs=10)", (13, 15)),
        (METHOD_TRAINER, "Trainer().train_model(1)", (13, 15)),
    ],
)
def test_a_builder_called_for_its_side_effects(definition: str, call: str, lines: tuple[int, int]) -> None:
    program = _trainer(definition, "num_objects", call)
    assert codes(program) == [("KL101", lines[0]), ("KL103", lines[1])]


@pytest.mark.parametrize(
    ("definition", "call"),
    [
        (FUNCTION_TRAINER, "train_model(num_objects=3, epochs=10)"),
        (FUNCTION_TRAINER, "train_model(n)"),
        (METHOD_TRAINER, "trainer = Trainer()\ntrainer.train_model(num_objects=3)"),
        # Another object's method of the same name.
        (METHOD_TRAINER, "trainer = make_trainer()\ntrainer.train_model(num_objects=1)"),
        # The instance rebound before the call.
        (METHOD_TRAINER, "trainer = Trainer()\ntrainer = other\ntrainer.train_model(num_objects=1)"),
    ],
)
def test_side_effect_builder_twins_are_silent(definition: str, call: str) -> None:
    assert codes(_trainer(definition, "num_objects", call)) == []


TUPLE_ARGUMENT = """\
import keras


def build(class_names, input_shape):
    inputs = keras.Input(shape=input_shape)
    outputs = keras.layers.Dense(len(class_names), activation="softmax")(inputs)
    return keras.Model(inputs, outputs)


model = build({names}, (32, 32, 3))
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x, y)
"""


@pytest.mark.parametrize("names", ['("defect",)', '["defect"]'])
def test_a_tuple_literal_argument(names: str) -> None:
    # A list the builder never changes holds what the call wrote.
    assert codes(TUPLE_ARGUMENT.format(names=names)) == [("KL101", 6), ("KL103", 11)]


@pytest.mark.parametrize("names", ['("defect", "ok")', "NAMES"])
def test_tuple_argument_twins_are_silent(names: str) -> None:
    assert codes(TUPLE_ARGUMENT.format(names=names)) == []


def test_a_list_argument_the_builder_grows_is_not_trusted() -> None:
    grown = TUPLE_ARGUMENT.replace("    inputs = keras.Input", '    class_names.append("ok")\n    inputs = keras.Input')
    assert codes(grown.format(names='["defect"]')) == []


FACTORY = """\
from tensorflow import keras


def make_{units}():
    model = keras.Sequential([keras.layers.Dense({units}, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model


def retrain(factory):
{body}    model.compile(loss="categorical_crossentropy", optimizer="adam")
    return model


model = retrain(make_{units})
model.fit(x, y)
"""


def test_a_factory_passed_as_an_argument() -> None:
    program = FACTORY.format(units=1, body="    model = factory()\n")
    assert codes(program) == [("KL103", 12)]


@pytest.mark.parametrize(
    ("units", "body"),
    [
        # The parameter rebound, or not called: not the factory's model.
        (1, "    factory = other_factory\n    model = factory()\n"),
        (1, "    model = factory\n"),
    ],
)
def test_factory_twins_are_silent(units: int, body: str) -> None:
    assert codes(FACTORY.format(units=units, body=body)) == []


# Array shapes (issue 11: ``n_outputs = y_train.shape[1]`` after
# ``reshape(-1, 1)``).
LABEL_COLUMN = """\
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
from sklearn.preprocessing import LabelEncoder

target = LabelEncoder().fit_transform(frame["outcome"])
y = target[5:].reshape({shape})
{change}y_train, y_test = y[:split], y[split:]
n_outputs = y_train.shape[1]
model = Sequential()
model.add(Dense(n_outputs, activation="sigmoid"))
model.compile(loss={loss!r}, optimizer="adam")
"""


def _units(program: str) -> int | None:
    import libcst as cst

    from keraslint.model.extract import extract

    models = extract(cst.parse_module(program), program).models
    (model,) = [m for m in models if m.name == "model"]
    assert model.output is not None
    return model.output.units


@pytest.mark.parametrize(("shape", "units"), [("-1, 1", 1), ("(-1, 3)", 3), ("[-1, 2]", 2)])
def test_the_width_of_a_reshaped_label_column(shape: str, units: int) -> None:
    program = LABEL_COLUMN.format(shape=shape, change="", loss="categorical_crossentropy")
    assert _units(program) == units
    if units == 1:
        assert codes(program) == [("KL103", 12)]


def test_np_zeros_shape() -> None:
    program = LABEL_COLUMN.replace('LabelEncoder().fit_transform(frame["outcome"])', "np.zeros((100, 1))")
    program = program.replace("target[5:].reshape({shape})", "target[5:]")
    assert _units(program.format(change="", loss="binary_crossentropy")) == 1


@pytest.mark.parametrize(
    ("shape", "change"),
    [
        # Not known to be an array, or an inferred width.
        ("-1, 1", "y = load_labels()\n"),
        ("1, -1", ""),
        # Its shape changed in place.
        ("-1, 1", "y.shape = (-1, 2)\n"),
        ("-1, 1", "y.resize((100, 2))\n"),
    ],
)
def test_reshaped_label_twins_have_unknown_width(shape: str, change: str) -> None:
    program = LABEL_COLUMN.format(shape=shape, change=change, loss="binary_crossentropy")
    assert _units(program) is None
    assert codes(program) == []


# -- a head width from ``y.shape[1]`` after ``reshape(-1, 1)`` ----------------------

HEAD_FROM_SHAPE = """\
from keras.layers import Dense
from keras.models import Sequential
from sklearn.preprocessing import LabelEncoder
y = LabelEncoder().fit_transform(outcomes).reshape(-1, 1)
y_train = y[:100]
n_outputs = y_train.shape[1]
model = Sequential()
model.add(Dense(n_outputs, activation="sigmoid"))
model.compile(loss={loss!r}, optimizer="adam")
model.fit(X, y_train)
"""


def test_width_from_a_reshaped_column_is_one_unit() -> None:
    # One column: one unit, so the categorical loss is the 1-unit mistake
    # (KL103), not a sigmoid of unknown width (KL107).
    assert codes(HEAD_FROM_SHAPE.format(loss="categorical_crossentropy")) == [("KL103", 9), ("KL202", 9)]


def test_width_from_a_reshaped_column_with_a_binary_loss_is_silent() -> None:
    assert codes(HEAD_FROM_SHAPE.format(loss="binary_crossentropy")) == []


# -- a loss function imported by name ------------------------------------------------
IMPORTED_LOSS = """\
from tensorflow import keras
from tensorflow.keras.losses import {imported}
(x, y), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Dense({units}, activation="softmax")])
model.compile(optimizer="adam", loss={loss})
model.fit(x, y)
"""


def test_loss_function_imported_by_name_is_read() -> None:
    program = IMPORTED_LOSS.format(
        imported="sparse_categorical_crossentropy", units=3, loss="sparse_categorical_crossentropy"
    )
    assert codes(program) == [("KL204", 4)]


@pytest.mark.parametrize(
    ("imported", "units", "loss"),
    [
        ("sparse_categorical_crossentropy", 10, "sparse_categorical_crossentropy"),
        # A class passed without an instance is not the loss it names.
        ("SparseCategoricalCrossentropy", 3, "SparseCategoricalCrossentropy"),
    ],
)
def test_loss_function_imported_by_name_twins_are_silent(imported: str, units: int, loss: str) -> None:
    assert codes(IMPORTED_LOSS.format(imported=imported, units=units, loss=loss)) == []
