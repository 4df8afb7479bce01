"""Shapes the engine sees through (recall round, engine6): a binary class
mode's 0/1 column on an output whose unit count is not known, each written
several ways, with the correct twin that must stay silent and a tricky
correct case."""

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


# -- flow_from_directory(class_mode="binary") on a softmax of unknown width ------
# One 0/1 value per image, never a one-hot row: categorical_crossentropy
# fails on the shapes with two units or more and is a constant on one.

BINARY_MODE_UNKNOWN_UNITS = [
    # keras 2 imports, units from the folder count, grown with add.
    """\
    import os
    from keras.layers import Dense, Flatten
    from keras.models import Sequential
    from keras.preprocessing.image import ImageDataGenerator
    n_classes = len(os.listdir("data/train"))
    gen = ImageDataGenerator(rescale=1 / 255).flow_from_directory("data/train", class_mode="binary")
    model = Sequential()
    model.add(Flatten(input_shape=(64, 64, 3)))
    model.add(Dense(n_classes, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    model.fit(gen, epochs=3)
    """,
    # tf.keras, functional model, units from the command line, fit_generator.
    """\
    import sys
    import tensorflow as tf
    classes = int(sys.argv[1])
    datagen = tf.keras.preprocessing.image.ImageDataGenerator()
    train = datagen.flow_from_directory("train", target_size=(64, 64), batch_size=8, class_mode="binary")
    inputs = tf.keras.Input((64, 64, 3))
    x = tf.keras.layers.GlobalAveragePooling2D()(inputs)
    outputs = tf.keras.layers.Dense(classes, activation="softmax")(x)
    model = tf.keras.Model(inputs, outputs)
    model.compile("sgd", loss=tf.keras.losses.CategoricalCrossentropy())
    model.fit_generator(train, steps_per_epoch=10)
    """,
    # the mode in a variable, the loss as a function object, a list of layers.
    """\
    import glob
    import keras
    from keras.preprocessing.image import ImageDataGenerator
    MODE = "binary"
    width = len(glob.glob("data/*"))
    flow = ImageDataGenerator().flow_from_directory("data", class_mode=MODE)
    net = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(width, activation="softmax")])
    net.compile(optimizer="adam", loss=keras.losses.categorical_crossentropy)
    net.fit(flow)
    """,
]


@pytest.mark.parametrize("program", BINARY_MODE_UNKNOWN_UNITS)
def test_binary_class_mode_on_unknown_units_is_reported(program: str) -> None:
    assert [code for code, _ in codes(program)] == ["KL202"]


@pytest.mark.parametrize("program", BINARY_MODE_UNKNOWN_UNITS)
def test_categorical_class_mode_twin_is_silent(program: str) -> None:
    twin = program.replace('class_mode="binary"', 'class_mode="categorical"').replace(
        'MODE = "binary"', 'MODE = "categorical"'
    )
    assert twin != program
    assert codes(twin) == []


def test_binary_class_mode_with_binary_loss_is_silent() -> None:
    # The 0/1 column is what binary_crossentropy takes, whatever the width
    # (a softmax of unknown width under it is another question: not KL202).
    program = (
        BINARY_MODE_UNKNOWN_UNITS[0]
        .replace('"softmax"', '"sigmoid"')
        .replace("categorical_crossentropy", "binary_crossentropy")
    )
    assert [code for code, _ in codes(program)] == []


def test_binary_class_mode_on_one_unit_is_left_to_kl103() -> None:
    # One softmax unit: the unit count is the mistake (KL103), not the targets.
    program = BINARY_MODE_UNKNOWN_UNITS[0].replace("Dense(n_classes,", "Dense(1,")
    assert "KL202" not in [code for code, _ in codes(program)]


# -- tf.nn crossentropy ops on logits in a custom loop -------------------------
# ``softmax_cross_entropy_with_logits`` applies its own softmax: on a
# subclass whose ``call`` already returns one, the probabilities are
# squashed a second time (KL105), as with ``from_logits=True``.

TF_NN_LOGITS_ON_SOFTMAX = [
    # tf.keras.activations.softmax with its default axis written out; keywords.
    """\
    import tensorflow as tf
    class Net(tf.keras.Model):
        def __init__(self):
            super().__init__()
            self.head = tf.keras.layers.Dense(3)
        def call(self, x):
            out = self.head(x)
            return tf.keras.activations.softmax(out, axis=-1)
    model = Net()
    optimizer = tf.keras.optimizers.Adam()
    def train_step(x, y):
        with tf.GradientTape() as tape:
            probs = model(x, training=True)
            loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=probs))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
    """,
    # keras.ops.softmax, the op by position in a loss helper, a cast in place.
    """\
    import keras
    import tensorflow as tf
    class Net(keras.Model):
        def __init__(self, classes=4):
            super().__init__()
            self.dense = keras.layers.Dense(classes)
        def call(self, inputs):
            return keras.ops.softmax(self.dense(inputs))
    net = Net()
    def xent(predict, target):
        return tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(target, tf.cast(predict, tf.float32)))
    for x, y in batches:
        with tf.GradientTape() as tape:
            loss = xent(net(x), y)
    """,
    # a sigmoid output and the sigmoid op, imported by its module path.
    """\
    import tensorflow as tf
    from tensorflow import nn
    class Scorer(tf.keras.Model):
        def __init__(self):
            super().__init__()
            self.out = tf.keras.layers.Dense(1)
        def call(self, x):
            return tf.nn.sigmoid(self.out(x))
    scorer = Scorer()
    with tf.GradientTape() as tape:
        scores = scorer(features)
        loss = tf.reduce_sum(nn.sigmoid_cross_entropy_with_logits(labels=targets, logits=scores))
    """,
]


@pytest.mark.parametrize("program", TF_NN_LOGITS_ON_SOFTMAX)
def test_tf_nn_logits_op_on_a_probability_output_is_reported(program: str) -> None:
    found = codes(program)
    assert [code for code, _ in found] == ["KL105"]
    assert (
        found[0][1]
        == textwrap.dedent(program)
        .splitlines()
        .index(next(line for line in textwrap.dedent(program).splitlines() if "_with_logits" in line))
        + 1
    )


@pytest.mark.parametrize("program", TF_NN_LOGITS_ON_SOFTMAX)
def test_tf_nn_logits_op_on_logits_twin_is_silent(program: str) -> None:
    # The twin returns the logits: what the op takes.
    twin = (
        program.replace("tf.keras.activations.softmax(out, axis=-1)", "out")
        .replace("keras.ops.softmax(self.dense(inputs))", "self.dense(inputs)")
        .replace("tf.nn.sigmoid(self.out(x))", "self.out(x)")
    )
    assert twin != program
    assert codes(twin) == []


def test_softmax_over_another_axis_is_not_known_as_the_output() -> None:
    # ``axis=1`` is not the default: the output is not known as a softmax.
    program = TF_NN_LOGITS_ON_SOFTMAX[0].replace("axis=-1", "axis=1")
    assert program != TF_NN_LOGITS_ON_SOFTMAX[0]
    assert codes(program) == []


RESHAPED = """\
import tensorflow as tf
class Seg(tf.keras.Model):
    def __init__(self, n_classes=2):
        super().__init__()
        self.last = tf.keras.layers.Conv2D(n_classes, 1)
    def call(self, x):
        return tf.keras.activations.softmax(self.last(x), axis=-1)
model = Seg()
def losses(predict, target):
    n_classes = predict.shape[-1]
    flat_logits = tf.reshape(tf.cast(predict, tf.float32), [-1, n_classes])
    flat_labels = tf.reshape(target, [-1, n_classes])
    return tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=flat_logits, labels=flat_labels))
with tf.GradientTape() as tape:
    loss = losses(model(images, training=True), masks)
"""


def test_tf_nn_logits_op_through_a_reshape_keeping_the_class_axis_is_reported() -> None:
    # ``[-1, predict.shape[-1]]``: each row still one pixel's class scores.
    assert codes(RESHAPED) == [("KL105", 13)]


def test_reshape_to_another_axis_is_not_followed() -> None:
    # The rows are not known to be the class axis any more: silent.
    other = RESHAPED.replace("n_classes = predict.shape[-1]", "n_classes = target.shape[-1]")
    assert other != RESHAPED
    assert codes(other) == []
    flat = RESHAPED.replace("[-1, n_classes])\n    flat_labels", "[-1])\n    flat_labels")
    assert flat != RESHAPED
    assert codes(flat) == []
