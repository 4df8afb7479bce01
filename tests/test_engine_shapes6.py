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
