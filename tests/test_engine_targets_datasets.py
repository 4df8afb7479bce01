"""Values a dataset's loader fixes before the code runs, followed into the
model: each capability with positives in several written forms and
precision twins that must stay silent (the value may differ at run time)."""

from __future__ import annotations

import textwrap

import pytest

from keraslint.config import Settings
from keraslint.knowledge import datasets
from keraslint.runner import check_bytes


def codes(program: str) -> list[tuple[str, int]]:
    result = check_bytes("model.py", textwrap.dedent(program).encode(), Settings())
    assert not result.internal_errors
    return sorted((d.code, d.span.start.line) for d in result.diagnostics if d.code[:3] in ("KL1", "KL2"))


# -- scikit-learn's 20 newsgroups: the class names of ``target_names`` ----------

NEWSGROUPS = """\
import sys
from sklearn.datasets import fetch_20newsgroups, fetch_20newsgroups_vectorized
from tensorflow import keras
{load}
model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense({units}, activation="softmax")])
model.compile(optimizer="adam", loss="binary_crossentropy")
"""

NEWSGROUPS_POSITIVES = {
    "dict over enumerate": (
        'news = fetch_20newsgroups(subset="train", remove=("headers",))\n'
        "labels_index = {name: i for i, name in enumerate(news.target_names)}",
        "len(labels_index)",
    ),
    "len of the call's attribute": ("", 'len(fetch_20newsgroups(subset="test").target_names)'),
    "set of names, vectorized loader": (
        "bunch = fetch_20newsgroups_vectorized(subset='all')\nnames = set(bunch.target_names)",
        "len(names)",
    ),
    "three categories chosen": (
        'cats = ["sci.space", "alt.atheism", "rec.autos"]\n'
        "news = fetch_20newsgroups(subset='train', categories=cats, shuffle=True)\n"
        "classes = list(news.target_names)",
        "len(classes)",
    ),
    "module alias, return_X_y=False": (
        "import sklearn.datasets as skd\nnews = skd.fetch_20newsgroups(return_X_y=False, categories=None)",
        "len(news.target_names)",
    ),
}


@pytest.mark.parametrize("name", NEWSGROUPS_POSITIVES)
def test_newsgroups_target_names_give_the_units(name: str) -> None:
    load, units = NEWSGROUPS_POSITIVES[name]
    program = NEWSGROUPS.format(load=load, units=units)
    assert codes(program) == [("KL102", len(textwrap.dedent(program).splitlines()))]


NEWSGROUPS_TWINS = {
    # Two classes: binary crossentropy on a 2-unit softmax is right.
    "two categories chosen": (
        "news = fetch_20newsgroups(categories=['alt.atheism', 'sci.space'])",
        "len(news.target_names)",
    ),
    "categories not known": ("news = fetch_20newsgroups(categories=sys.argv[1:])", "len(news.target_names)"),
    "a name that is no newsgroup": (
        "news = fetch_20newsgroups(categories=['alt.atheism', 'sci.space', 'misc.other'])",
        "len(news.target_names)",
    ),
    "names replaced": (
        "news = fetch_20newsgroups()\nnews.target_names = news.target_names[:2]",
        "len(news.target_names)",
    ),
    "names changed in place": (
        "news = fetch_20newsgroups()\ndel news.target_names[2:]",
        "len(news.target_names)",
    ),
    "return_X_y not known": ("news = fetch_20newsgroups(return_X_y=len(sys.argv) > 1)", "len(news.target_names)"),
    "arguments by position": ("news = fetch_20newsgroups(None, 'train', ['alt.atheism'])", "len(news.target_names)"),
    "categories on the vectorized loader": (
        "news = fetch_20newsgroups_vectorized(categories=['alt.atheism'])",
        "len(news.target_names)",
    ),
    "another library's loader": (
        "from mylib import fetch_20newsgroups as fetch\nnews = fetch()",
        "len(news.target_names)",
    ),
    "loaded in a branch": (
        "if len(sys.argv) > 1:\n    news = fetch_20newsgroups()\nelse:\n"
        "    news = fetch_20newsgroups(categories=['sci.med', 'sci.space'])",
        "len(news.target_names)",
    ),
}


@pytest.mark.parametrize("name", NEWSGROUPS_TWINS)
def test_newsgroups_target_names_twins_stay_silent(name: str) -> None:
    load, units = NEWSGROUPS_TWINS[name]
    assert codes(NEWSGROUPS.format(load=load, units=units)) == []


def test_newsgroups_names_are_sorted_and_twenty() -> None:
    # load_files lists the category folders sorted: target_names is in that
    # order, and the categories chosen keep it.
    names = datasets.NEWSGROUPS_NAMES
    assert len(set(names)) == 20
    assert list(names) == sorted(names)


# -- ``tf.losses``: TensorFlow 2's alias of ``keras.losses`` ----------------------

TF_LOSSES = """\
import tensorflow as tf
from tensorflow import keras
model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(10{activation})])
{use}
"""

TF_LOSSES_POSITIVES = {
    "function in a tape loop": (
        "",
        "for x, y in data:\n    with tf.GradientTape() as tape:\n        logits = model(x)\n"
        "        loss = tf.reduce_mean(tf.losses.sparse_categorical_crossentropy(y, logits))",
        "KL106",
    ),
    "class given to compile": ("", "model.compile(loss=tf.losses.SparseCategoricalCrossentropy())", "KL106"),
    "compat.v2 function given to compile": (
        ', activation="softmax"',
        "model.compile(loss=tf.compat.v2.losses.binary_crossentropy)",
        "KL102",
    ),
    "imported from the module": (
        ', activation="softmax"',
        "from tensorflow.losses import binary_crossentropy\nmodel.compile(loss=binary_crossentropy)",
        "KL102",
    ),
}


@pytest.mark.parametrize("name", TF_LOSSES_POSITIVES)
def test_tf_losses_are_keras_losses(name: str) -> None:
    activation, use, code = TF_LOSSES_POSITIVES[name]
    program = TF_LOSSES.format(activation=activation, use=use)
    found = codes(program)
    assert [c for c, _ in found] == [code]


TF_LOSSES_TWINS = {
    "from_logits=True in the loop": (
        "",
        "for x, y in data:\n    with tf.GradientTape() as tape:\n"
        "        loss = tf.losses.sparse_categorical_crossentropy(y, model(x), from_logits=True)",
    ),
    # TensorFlow 1's tf.losses: its own functions, on logits.
    "TensorFlow 1 loss on logits": ("", "model.compile(loss=tf.losses.sparse_softmax_cross_entropy)"),
    "TensorFlow 1 only name": ("", "model.compile(loss=tf.losses.huber_loss)"),
    "compat.v1 module": ("", "model.compile(loss=tf.compat.v1.losses.sparse_categorical_crossentropy)"),
    "probabilities": (', activation="softmax"', "model.compile(loss=tf.losses.categorical_crossentropy)"),
}


@pytest.mark.parametrize("name", TF_LOSSES_TWINS)
def test_tf_losses_twins_stay_silent(name: str) -> None:
    activation, use = TF_LOSSES_TWINS[name]
    result = check_bytes("model.py", TF_LOSSES.format(activation=activation, use=use).encode(), Settings())
    assert not result.internal_errors
    assert [d.code for d in result.diagnostics] == []


# -- custom training loops: a Layer subclass as the model, one item of a tuple --

LOOP = """\
import tensorflow as tf
from tensorflow import keras


class Net(keras.{base}):
    def __init__(self, vocab):
        super().__init__()
        self.hidden = keras.layers.Dense(64, activation="relu")
        self.head = keras.layers.Dense(vocab{activation})

    def call(self, inputs, state=None):
        features = self.hidden(inputs)
        return {returned}


model = Net(100)
loss_fn = keras.losses.SparseCategoricalCrossentropy()
for x, y in data:
    with tf.GradientTape() as tape:
        {predict}
        loss = {loss}
"""

LOOP_POSITIVES = {
    "Layer subclass, loss function": (
        "layers.Layer",
        "",
        "self.head(features)",
        "logits = model(x)",
        "tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(y, logits))",
        "KL106",
    ),
    "Model subclass returning logits and state": (
        "Model",
        "",
        "self.head(features), state",
        "logits, state = model(x, state)",
        "loss_fn(y, logits)",
        "KL106",
    ),
    "Layer subclass returning a tuple, tf.losses": (
        "layers.Layer",
        "",
        "(self.head(features), features)",
        "outputs, hidden = model(x)",
        "tf.losses.sparse_categorical_crossentropy(y, outputs)",
        "KL106",
    ),
    "second item of the tuple": (
        "Model",
        ', activation="softmax"',
        "features, self.head(features)",
        "hidden, probs = model(x)",
        "keras.losses.binary_crossentropy(tf.one_hot(y, 100), probs)",
        "KL102",
    ),
}


@pytest.mark.parametrize("name", LOOP_POSITIVES)
def test_loop_loss_on_a_layer_or_one_item(name: str) -> None:
    base, activation, returned, predict, loss, code = LOOP_POSITIVES[name]
    program = LOOP.format(base=base, activation=activation, returned=returned, predict=predict, loss=loss)
    assert [c for c, _ in codes(program)] == [code]


LOOP_TWINS = {
    "loss on the state, not the logits": (
        "Model",
        "",
        "self.head(features), state",
        "logits, state = model(x, state)",
        "loss_fn(y, state)",
    ),
    "loss on the first item of a single output": (
        "Model",
        "",
        "self.head(features)",
        "first, second = model(x)",
        "loss_fn(y, first)",
    ),
    "from_logits=True": (
        "layers.Layer",
        "",
        "self.head(features), state",
        "logits, state = model(x, state)",
        "keras.losses.sparse_categorical_crossentropy(y, logits, from_logits=True)",
    ),
    "softmax head": (
        "layers.Layer",
        ', activation="softmax"',
        "self.head(features)",
        "probs = model(x)",
        "loss_fn(y, probs)",
    ),
    "a class that is no Keras layer": (
        "utils.Sequence",
        "",
        "self.head(features)",
        "logits = model(x)",
        "loss_fn(y, logits)",
    ),
}


@pytest.mark.parametrize("name", LOOP_TWINS)
def test_loop_loss_twins_stay_silent(name: str) -> None:
    base, activation, returned, predict, loss = LOOP_TWINS[name]
    program = LOOP.format(base=base, activation=activation, returned=returned, predict=predict, loss=loss)
    assert codes(program) == []


# -- labels written into an array of zeros, in a loop or one by one ------------

FILLED = """\
import sys
import matplotlib.pyplot as plt
import numpy as np
from keras import layers, models
{make}
model = models.Sequential([layers.Dense(8, activation="relu"), layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, y, epochs=5)
"""

SPIRAL = """
def arms_data(points=100, arms=3):
    x = np.zeros((points * arms, 2))
    y = np.zeros(points * arms{dtype})
    for arm in range({loop}):
        rows = range(points * arm, points * (arm + 1))
        x[rows] = np.random.randn(points, 2) + arm
        {write}
    plt.scatter(x[:, 0], x[:, 1], c=y)
    return x, y


x, y = arms_data({call})
"""

FILLED_POSITIVES = {
    "slices written in a module loop": (
        "x = np.random.rand(300, 2)\ny = np.zeros(300)\nfor k in range(3):\n    y[k * 100 : (k + 1) * 100] = k"
    ),
    "constants written one by one": "x = np.random.rand(300, 2)\ny = np.zeros(300)\ny[100:200] = 1\ny[200:] = 2",
    "loop over a list of labels": (
        "x = np.random.rand(30, 2)\ny = np.zeros(30, dtype=int)\nfor label in [1, 2, 4]:\n    y[label * 5] = label"
    ),
    "helper with defaults, plotted": SPIRAL.format(dtype="", loop="arms", write="y[rows] = arm", call=""),
    "helper called with the count": SPIRAL.format(
        dtype=", dtype='uint8'", loop="arms", write="y[rows] = arm", call="arms=4"
    ),
}


@pytest.mark.parametrize("name", FILLED_POSITIVES)
def test_labels_filled_into_zeros(name: str) -> None:
    program = FILLED.format(make=FILLED_POSITIVES[name])
    line = len(textwrap.dedent(program).splitlines()) - 1
    assert codes(program) == [("KL205", line)]


FILLED_TWINS = {
    "two arms": SPIRAL.format(dtype="", loop="arms", write="y[rows] = arm", call="arms=2"),
    "count not known": SPIRAL.format(dtype="", loop="arms", write="y[rows] = arm", call="int(sys.argv[1])"),
    "label rebound in the loop": SPIRAL.format(
        dtype="", loop="arms", write="arm = arm % 2\n        y[rows] = arm", call=""
    ),
    "written under a condition": SPIRAL.format(
        dtype="", loop="arms", write="if arm < 2:\n            y[rows] = arm", call=""
    ),
    "a fraction written": SPIRAL.format(dtype="", loop="arms", write="y[rows] = arm / 2", call=""),
    "loop left early": SPIRAL.format(
        dtype="", loop="arms", write="y[rows] = arm\n        if arm == 1:\n            break", call=""
    ),
    "passed to an unknown function": (
        "x = np.random.rand(300, 2)\ny = np.zeros(300)\nfor k in range(3):\n    y[k * 100 : (k + 1) * 100] = k\n"
        "relabel(y)"
    ),
    "not zeros": "x = np.random.rand(300, 2)\ny = np.ones(300)\ny[:100] = 0",
}


@pytest.mark.parametrize("name", FILLED_TWINS)
def test_labels_filled_twins_stay_silent(name: str) -> None:
    assert codes(FILLED.format(make=FILLED_TWINS[name])) == []


# -- one value appended per sample: a list of scalars as the targets ------------

APPENDED = """\
import csv
import os
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
df = pd.read_csv("train.csv")
{make}
model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(5, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
{fit}
"""

APPENDED_POSITIVES = {
    "cells of a table in a range loop": (
        "labels = []\nfor i in range(len(df)):\n    labels.append(df.iloc[i, 1])\ny = np.array(labels)",
        "model.fit(x, y)",
    ),
    "a dict of cells read with get, then tf.data": (
        "label_of = {}\nfor i in range(len(df)):\n    label_of[df.iloc[i, 0]] = df.iloc[i, 1]\n"
        "images, labs = [], []\nfor name in os.listdir('images'):\n    images.append(load(name))\n"
        "    labs.append(label_of.get(name))\n"
        "labels = np.array(labs).astype(np.float32)\n"
        "ds = tf.data.Dataset.from_tensor_slices((np.array(images), labels)).shuffle(100).batch(32)",
        "model.fit(ds, epochs=3)",
    ),
    "float() of a field, through a name": (
        "targets = []\nfor row in csv.reader(open('train.csv')):\n    value = float(row[1])\n    targets.append(value)",
        "model.fit(x, np.asarray(targets))",
    ),
    "a dict of cells read by key": (
        "by_id = {}\nfor k in range(100):\n    by_id[df.iat[k, 0]] = df.iat[k, 2]\n"
        "ys = []\nfor key in keys:\n    ys.append(by_id[key])",
        "model.fit(x, np.array(ys))",
    ),
}


@pytest.mark.parametrize("name", APPENDED_POSITIVES)
def test_one_scalar_appended_per_sample(name: str) -> None:
    make, fit = APPENDED_POSITIVES[name]
    program = APPENDED.format(make=make, fit=fit)
    line = len(textwrap.dedent(program).splitlines()) - 1
    assert codes(program) == [("KL202", line)]


APPENDED_TWINS = {
    "a dict value that is a row": (
        "label_of = {}\nfor i in range(len(df)):\n    label_of[df.iloc[i, 0]] = [0, 0, 1, 0, 0]\n"
        "labs = []\nfor name in names:\n    labs.append(label_of.get(name))",
        "model.fit(x, np.array(labs))",
    ),
    "the dict passed to a function": (
        "label_of = {}\nfor i in range(len(df)):\n    label_of[df.iloc[i, 0]] = df.iloc[i, 1]\n"
        "one_hot_values(label_of)\nlabs = []\nfor name in names:\n    labs.append(label_of.get(name))",
        "model.fit(x, np.array(labs))",
    ),
    "a dict written after the reads, in the loop": (
        "label_of = {}\nlabs = []\nfor name in names:\n    labs.append(label_of.get(name))\n"
        "    label_of[name] = encode(name)",
        "model.fit(x, np.array(labs))",
    ),
    "an unknown function's result": (
        "labels = []\nfor i in range(len(df)):\n    labels.append(encode(df.iloc[i, 1]))",
        "model.fit(x, np.array(labels))",
    ),
    "a slice of a row": (
        "labels = []\nfor i in range(len(df)):\n    labels.append(df.iloc[i, 1:])",
        "model.fit(x, np.array(labels))",
    ),
    "positions that may be lists": (
        "labels = []\nfor i in batches:\n    labels.append(df.iloc[i, 1])",
        "model.fit(x, np.array(labels))",
    ),
    "float rebound": (
        "def float(v):\n    return [v] * 5\nlabels = []\nfor row in rows:\n    labels.append(float(row))",
        "model.fit(x, np.array(labels))",
    ),
    "reshaped": (
        "labels = []\nfor i in range(len(df)):\n    labels.append(df.iloc[i, 1])",
        "model.fit(x, np.array(labels).reshape(-1, 5))",
    ),
    "one-hot encoded": (
        "labels = []\nfor i in range(len(df)):\n    labels.append(df.iloc[i, 1])",
        "model.fit(x, keras.utils.to_categorical(np.array(labels), 5))",
    ),
}


@pytest.mark.parametrize("name", APPENDED_TWINS)
def test_one_scalar_appended_twins_stay_silent(name: str) -> None:
    make, fit = APPENDED_TWINS[name]
    assert codes(APPENDED.format(make=make, fit=fit)) == []


# -- the integer labels of ``fetch_20newsgroups(...).target`` --------------------

NEWSGROUPS_TARGET = """\
import sys
from sklearn.datasets import fetch_20newsgroups, fetch_20newsgroups_vectorized
from tensorflow import keras
{load}
model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense({units}, activation={act!r})])
model.compile(optimizer="adam", loss={loss!r})
model.fit(x, {y})
"""

NEWSGROUPS_TARGET_POSITIVES = {
    "target with a categorical loss": (
        "news = fetch_20newsgroups()",
        20,
        "softmax",
        "categorical_crossentropy",
        "news.target",
        "KL202",
    ),
    "target by key, binary loss": (
        "news = fetch_20newsgroups(subset='test')",
        1,
        "sigmoid",
        "binary_crossentropy",
        "news['target']",
        "KL205",
    ),
    "three categories, binary loss": (
        "news = fetch_20newsgroups(categories=['sci.med', 'sci.space', 'rec.autos'])",
        1,
        "sigmoid",
        "binary_crossentropy",
        "news.target",
        "KL205",
    ),
    "return_X_y, vectorized": (
        "x, labels = fetch_20newsgroups_vectorized(return_X_y=True)",
        20,
        "softmax",
        "categorical_crossentropy",
        "labels",
        "KL202",
    ),
}


@pytest.mark.parametrize("name", NEWSGROUPS_TARGET_POSITIVES)
def test_newsgroups_target_is_integer_labels(name: str) -> None:
    load, units, act, loss, y, code = NEWSGROUPS_TARGET_POSITIVES[name]
    program = NEWSGROUPS_TARGET.format(load=load, units=units, act=act, loss=loss, y=y)
    assert [c for c, _ in codes(program)] == [code]


NEWSGROUPS_TARGET_TWINS = {
    "two categories, binary loss": (
        "news = fetch_20newsgroups(categories=['sci.med', 'sci.space'])",
        1,
        "sigmoid",
        "binary_crossentropy",
        "news.target",
    ),
    "categories not known": (
        "news = fetch_20newsgroups(categories=sys.argv[1:])",
        1,
        "sigmoid",
        "binary_crossentropy",
        "news.target",
    ),
    "a category repeated": (
        "news = fetch_20newsgroups(categories=['sci.med', 'sci.med', 'sci.space'])",
        1,
        "sigmoid",
        "binary_crossentropy",
        "news.target",
    ),
    "sparse loss": ("news = fetch_20newsgroups()", 20, "softmax", "sparse_categorical_crossentropy", "news.target"),
    "arguments by position": (
        "news = fetch_20newsgroups(None, 'train', ['sci.med', 'sci.space', 'rec.autos'])",
        1,
        "sigmoid",
        "binary_crossentropy",
        "news.target",
    ),
}


@pytest.mark.parametrize("name", NEWSGROUPS_TARGET_TWINS)
def test_newsgroups_target_twins_stay_silent(name: str) -> None:
    load, units, act, loss, y = NEWSGROUPS_TARGET_TWINS[name]
    assert codes(NEWSGROUPS_TARGET.format(load=load, units=units, act=act, loss=loss, y=y)) == []
