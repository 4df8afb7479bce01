"""Layer chains (issue 11): layers added in a loop before the head, lists of
layers grown with ``.append``/``.extend``, convolution heads, and
``Flatten``/``Reshape``/global pooling after the last activation.

Each mistake is marked on its line (``# expect:``); unmarked programs must
lint clean, because what decides them is not certain."""

from __future__ import annotations

import libcst as cst
import pytest

from keraslint.model.extract import extract
from keraslint.model.types import OutputLayer
from keraslint.testing import actual_findings, expected_findings

_HEAD = "from tensorflow import keras\nfrom tensorflow.keras import layers\n"


def output_of(code: str) -> OutputLayer | None:
    models = extract(cst.parse_module(code), code).models
    assert len(models) == 1
    return models[0].output


# -- .add() in a loop before the head -----------------------------------------------

LOOP_BEFORE_HEAD = {
    "for loop then softmax head with bce": _HEAD + "model = keras.Sequential()\n"
    "model.add(keras.Input(shape=(20,)))\n"
    "for width in (256, 128, 64):\n"
    "    model.add(layers.Dense(width, activation='relu'))\n"
    "    model.add(layers.Dropout(0.3))\n"
    "model.add(layers.Dense(5, activation='softmax'))\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')  # expect: KL102\n"
    "model.fit(x, y)\n",
    "while loop then a single softmax unit": _HEAD + "model = keras.Sequential()\n"
    "depth = 0\n"
    "while depth < n_layers:\n"
    "    model.add(layers.Dense(32, activation='relu'))\n"
    "    depth += 1\n"
    "model.add(layers.Dense(1, activation='softmax'))  # expect: KL101\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
    "conditional layer then sigmoid head with categorical ce": _HEAD + "model = keras.Sequential()\n"
    "if use_batchnorm:\n"
    "    model.add(layers.BatchNormalization())\n"
    "model.add(layers.Dense(10, activation='sigmoid'))  # expect: KL107\n"
    "model.compile(optimizer='adam', loss='categorical_crossentropy')\n"
    "model.fit(x, y)\n",
    "loop then head then activation layer": _HEAD + "model = keras.Sequential()\n"
    "for width in widths:\n"
    "    model.add(layers.Dense(width))\n"
    "model.add(layers.Dense(3))\n"
    "model.add(layers.Activation('relu'))\n"
    "model.compile(optimizer='adam', loss='categorical_crossentropy')  # expect: KL106\n"
    "model.fit(x, y)\n",
}

LOOP_SILENT = {
    # Over a sequence not known; a literal one's last iteration is
    # certain (tests/test_engine_shapes.py).
    "the loop adds the head": _HEAD + "model = keras.Sequential()\n"
    "for width in widths:\n"
    "    model.add(layers.Dense(width, activation='sigmoid'))\n"
    "model.compile(optimizer='adam', loss='categorical_crossentropy')\n"
    "model.fit(x, y)\n",
    "a dropout may follow the head": _HEAD + "model = keras.Sequential()\n"
    "model.add(layers.Dense(10, activation='softmax'))\n"
    "if regularise:\n"
    "    model.add(layers.Dense(1, activation='sigmoid'))\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
    "pop in the loop": _HEAD + "model = keras.Sequential()\n"
    "model.add(layers.Dense(10, activation='softmax'))\n"
    "model.add(layers.Dense(1, activation='sigmoid'))\n"
    "for _ in range(n):\n"
    "    model.pop()\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
}


@pytest.mark.parametrize("code", LOOP_BEFORE_HEAD.values(), ids=LOOP_BEFORE_HEAD.keys())
def test_add_in_a_loop_before_the_head(code: str) -> None:
    assert actual_findings(code) == expected_findings(code) != []


@pytest.mark.parametrize("code", LOOP_SILENT.values(), ids=LOOP_SILENT.keys())
def test_add_in_a_loop_that_may_be_the_head_is_silent(code: str) -> None:
    assert actual_findings(code) == []


def test_the_head_after_a_loop_is_the_output() -> None:
    output = output_of(
        _HEAD + "model = keras.Sequential()\n"
        "for width in (64, 32):\n"
        "    model.add(layers.Dense(width, activation='relu'))\n"
        "model.add(layers.Dense(7, activation='softmax'))\n"
    )
    assert output is not None and output.units == 7 and output.activation is not None
    assert output.activation.name == "softmax"


# -- lists grown with .append / .extend -------------------------------------------------

APPENDED = {
    "append in a loop then the head": _HEAD + "stack = [keras.Input(shape=(30,))]\n"
    "for width in (128, 64):\n"
    "    stack.append(layers.Dense(width, activation='relu'))\n"
    "stack.append(layers.Dense(1, activation='sigmoid'))\n"
    "model = keras.Sequential(stack)\n"
    "model.compile(optimizer='adam', loss='categorical_crossentropy')  # expect: KL103\n"
    "model.fit(x, y)\n",
    "extend with a literal list": _HEAD + "blocks = []\n"
    "for filters in (32, 64):\n"
    "    blocks.extend([layers.Conv2D(filters, 3, activation='relu'), layers.MaxPooling2D()])\n"
    "blocks.extend([layers.Flatten(), layers.Dense(10, activation='softmax')])\n"
    "model = keras.Sequential(blocks)\n"
    "model.compile(optimizer='adam', loss='mse')  # expect: KL108\n"
    "model.fit(x, y)\n",
    "in a builder": _HEAD + "def build(hidden):\n"
    "    stack = []\n"
    "    for width in hidden:\n"
    "        stack.append(layers.Dense(width, activation='relu'))\n"
    "    stack.append(layers.Dense(4, activation='softmax'))\n"
    "    return keras.Sequential(stack)\n"
    "model = build([64, 32])\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')  # expect: KL102\n"
    "model.fit(x, y)\n",
    "concatenated lists": _HEAD + "hidden = [layers.Dense(w, activation='relu') for w in (128, 64)]\n"
    "model = keras.Sequential(hidden + [layers.Dropout(0.2), layers.Dense(6, activation='softmax')])\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')  # expect: KL102\n"
    "model.fit(x, y)\n",
    "starred hidden layers": _HEAD + "hidden = [layers.Dense(w, activation='relu') for w in (128, 64)]\n"
    "model = keras.Sequential([keras.Input(shape=(8,)), *hidden, layers.Dense(1, activation='sigmoid')])\n"
    "model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')  # expect: KL103\n"
    "model.fit(x, y)\n",
}

APPENDED_SILENT = {
    "concatenated with an unknown tail": _HEAD + "head = [layers.Dense(w, activation='relu') for w in (128, 64)]\n"
    "model = keras.Sequential([layers.Dense(4, activation='softmax')] + head)\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
    "starred tail": _HEAD + "tail = [layers.Dense(w, activation='sigmoid') for w in (128, 1)]\n"
    "model = keras.Sequential([layers.Dense(4, activation='softmax'), *tail])\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
    "the head appended in the loop": _HEAD + "stack = []\n"
    "for width in (64, 1):\n"
    "    stack.append(layers.Dense(width, activation='sigmoid'))\n"
    "model = keras.Sequential(stack)\n"
    "model.compile(optimizer='adam', loss='categorical_crossentropy')\n"
    "model.fit(x, y)\n",
    "a dropout appended conditionally after the head": _HEAD + "stack = [layers.Dense(10, activation='softmax')]\n"
    "if dropout:\n"
    "    stack.append(layers.Dense(1, activation='sigmoid'))\n"
    "model = keras.Sequential(stack)\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
    "the last layer popped": _HEAD + "stack = [layers.Dense(10, activation='softmax')]\n"
    "stack.append(layers.Dense(1, activation='sigmoid'))\n"
    "stack.pop()\n"
    "model = keras.Sequential(stack)\n"
    "model.compile(optimizer='adam', loss='categorical_crossentropy')\n"
    "model.fit(x, y)\n",
    "an item replaced": _HEAD + "stack = [layers.Dense(10, activation='softmax')]\n"
    "stack[-1] = layers.Dense(1, activation='sigmoid')\n"
    "model = keras.Sequential(stack)\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
    "insert": _HEAD + "stack = [layers.Dense(10, activation='softmax')]\n"
    "stack.insert(1, layers.Dense(1, activation='sigmoid'))\n"
    "model = keras.Sequential(stack)\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
    "passed to an unknown function": _HEAD + "stack = [layers.Dense(10, activation='softmax')]\n"
    "add_head(stack)\n"
    "model = keras.Sequential(stack)\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
    "an alias appended to": _HEAD + "stack = [layers.Dense(10, activation='softmax')]\n"
    "same = stack\n"
    "same.append(layers.Dense(1, activation='sigmoid'))\n"
    "model = keras.Sequential(stack)\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
    "a function of the file appends": _HEAD + "STACK = [layers.Dense(10, activation='softmax')]\n"
    "def add_head():\n"
    "    STACK.append(layers.Dense(1, activation='sigmoid'))\n"
    "add_head()\n"
    "model = keras.Sequential(STACK)\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
    "extended by an unknown list": _HEAD + "stack = [layers.Dense(10, activation='softmax')]\n"
    "stack.extend(head_layers)\n"
    "model = keras.Sequential(stack)\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
    "read in a function": _HEAD + "STACK = [layers.Dense(10, activation='softmax')]\n"
    "STACK.append(layers.Dense(1, activation='sigmoid'))\n"
    "def build():\n"
    "    return keras.Sequential(STACK)\n"
    "model = build()\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
}


@pytest.mark.parametrize("code", APPENDED.values(), ids=APPENDED.keys())
def test_list_grown_before_sequential(code: str) -> None:
    assert actual_findings(code) == expected_findings(code) != []


@pytest.mark.parametrize("code", APPENDED_SILENT.values(), ids=APPENDED_SILENT.keys())
def test_list_changed_otherwise_is_silent(code: str) -> None:
    assert actual_findings(code) == []


def test_appended_head_replaces_the_literal_last_layer() -> None:
    # The list literal's last layer is not the output once a layer is appended.
    output = output_of(
        _HEAD + "stack = [layers.Dense(10, activation='softmax')]\n"
        "stack.append(layers.Dense(1, activation='sigmoid'))\n"
        "model = keras.Sequential(stack)\n"
    )
    assert output is not None and output.units == 1 and output.activation is not None
    assert output.activation.name == "sigmoid"


def test_local_list_of_the_same_name_elsewhere_does_not_matter() -> None:
    code = (
        _HEAD + "def helper():\n"
        "    stack = []\n"
        "    stack.append(1)\n"
        "    return stack\n"
        "stack = [layers.Dense(4, activation='softmax')]\n"
        "model = keras.Sequential(stack)\n"
        "model.compile(optimizer='adam', loss='binary_crossentropy')  # expect: KL102\n"
        "model.fit(x, y)\n"
    )
    assert actual_findings(code) == expected_findings(code) != []


# -- convolution heads ------------------------------------------------------------------

CONV_HEADS = {
    "segmentation softmax with bce": _HEAD + "inputs = keras.Input(shape=(128, 128, 3))\n"
    "x = layers.Conv2D(32, 3, padding='same', activation='relu')(inputs)\n"
    "outputs = layers.Conv2D(5, 1, activation='softmax')(x)\n"
    "model = keras.Model(inputs, outputs)\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')  # expect: KL102\n"
    "model.fit(images, masks)\n",
    "transposed sigmoid head with categorical ce": _HEAD + "model = keras.Sequential([\n"
    "    keras.Input(shape=(16, 16, 64)),\n"
    "    layers.Conv2DTranspose(3, 3, strides=2, padding='same', activation='sigmoid'),  # expect: KL107\n"
    "])\n"
    "model.compile(optimizer='adam', loss='categorical_crossentropy')\n"
    "model.fit(x, y)\n",
    "conv1d linear head with bce": _HEAD + "model = keras.Sequential([\n"
    "    keras.Input(shape=(100, 8)),\n"
    "    layers.Conv1D(1, 5, padding='same'),\n"
    "])\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')  # expect: KL106\n"
    "model.fit(x, y)\n",
    "filters from a constant, activation layer after": _HEAD + "N_CLASSES = 4\n"
    "inputs = keras.Input(shape=(64, 64, 3))\n"
    "x = layers.SeparableConv2D(N_CLASSES, 1)(inputs)\n"
    "outputs = layers.Activation('softmax')(x)\n"
    "model = keras.Model(inputs, outputs)\n"
    "model.compile(optimizer='adam', loss='mse')  # expect: KL108\n"
    "model.fit(x_train, y_train)\n",
    "depthwise relu with hinge": _HEAD + "model = keras.Sequential([\n"
    "    keras.Input(shape=(32, 32, 3)),\n"
    "    layers.DepthwiseConv2D(3, activation='relu'),  # expect: KL104\n"
    "])\n"
    "model.compile(optimizer='adam', loss='hinge')\n"
    "model.fit(x, y)\n",
}

CONV_SILENT = {
    "segmentation softmax with categorical ce": _HEAD + "inputs = keras.Input(shape=(128, 128, 3))\n"
    "x = layers.Conv2D(32, 3, padding='same', activation='relu')(inputs)\n"
    "outputs = layers.Conv2D(5, 1, activation='softmax')(x)\n"
    "model = keras.Model(inputs, outputs)\n"
    "model.compile(optimizer='adam', loss='categorical_crossentropy')\n"
    "model.fit(images, masks)\n",
    "channels first in the file": _HEAD + "keras.backend.set_image_data_format('channels_first')\n"
    "inputs = keras.Input(shape=(3, 128, 128))\n"
    "outputs = layers.Conv2D(5, 1, activation='softmax')(inputs)\n"
    "model = keras.Model(inputs, outputs)\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(images, masks)\n",
    "activation passed by position": _HEAD + "model = keras.Sequential([\n"
    "    keras.Input(shape=(32, 32, 3)),\n"
    "    layers.Conv2D(5, 1, 1, 'same', None, 1, 1, 'softmax'),\n"
    "])\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
    "depthwise softmax with bce (channels unknown)": _HEAD + "model = keras.Sequential([\n"
    "    keras.Input(shape=(32, 32, 3)),\n"
    "    layers.DepthwiseConv2D(3, activation='softmax'),\n"
    "])\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
}


@pytest.mark.parametrize("code", CONV_HEADS.values(), ids=CONV_HEADS.keys())
def test_convolution_heads(code: str) -> None:
    assert actual_findings(code) == expected_findings(code) != []


@pytest.mark.parametrize("code", CONV_SILENT.values(), ids=CONV_SILENT.keys())
def test_convolution_heads_silent(code: str) -> None:
    assert actual_findings(code) == []


def test_convolution_head_units_are_its_filters() -> None:
    output = output_of(
        _HEAD + "model = keras.Sequential([keras.Input(shape=(8, 8, 3)), layers.Conv3D(6, 1, activation='softmax')])\n"
    )
    assert output is not None and output.kind == "Conv3D" and output.units == 6


# -- Flatten / Reshape / global pooling after the last activation -------------------

RESHAPED = {
    "relu map flattened with kld": _HEAD + "inputs = keras.Input(shape=(64, 64, 3))\n"
    "x = layers.Conv2D(8, 3, padding='same', activation='relu')(inputs)\n"
    "x = layers.Conv2D(1, 3, padding='same', activation='relu')(x)  # expect: KL109\n"
    "outputs = layers.Flatten()(x)\n"
    "model = keras.Model(inputs, outputs)\n"
    "model.compile(optimizer='adam', loss='kld')\n"
    "model.fit(images, maps)\n",
    "sigmoid reshaped with from_logits": _HEAD + "model = keras.Sequential([\n"
    "    keras.Input(shape=(10,)),\n"
    "    layers.Dense(20, activation='sigmoid'),\n"
    "    layers.Reshape((4, 5)),\n"
    "])\n"
    "model.compile(optimizer='adam', loss=keras.losses.BinaryCrossentropy(from_logits=True))  # expect: KL105\n"
    "model.fit(x, y)\n",
    "global pooling over a linear map with bce": _HEAD + "model = keras.Sequential([\n"
    "    keras.Input(shape=(32, 32, 3)),\n"
    "    layers.Conv2D(1, 3),\n"
    "    layers.GlobalAveragePooling2D(),\n"
    "])\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')  # expect: KL106\n"
    "model.fit(x, y)\n",
}

RESHAPED_SILENT = {
    # Softmax over 1 unit, then flattened: the unit count of what trains is
    # unknown here (KL101 still reports the layer itself).
    "units rules need the units": _HEAD + "model = keras.Sequential([\n"
    "    keras.Input(shape=(10, 4)),\n"
    "    layers.Dense(3, activation='softmax'),\n"
    "    layers.Flatten(),\n"
    "])\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
    "sigmoid then global max pooling with bce": _HEAD + "model = keras.Sequential([\n"
    "    keras.Input(shape=(100, 16)),\n"
    "    layers.Conv1D(1, 3, activation='sigmoid'),\n"
    "    layers.GlobalMaxPooling1D(),\n"
    "])\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(x, y)\n",
}


@pytest.mark.parametrize("code", RESHAPED.values(), ids=RESHAPED.keys())
def test_activation_kept_through_reshaping(code: str) -> None:
    assert actual_findings(code) == expected_findings(code) != []


@pytest.mark.parametrize("code", RESHAPED_SILENT.values(), ids=RESHAPED_SILENT.keys())
def test_reshaping_makes_units_unknown(code: str) -> None:
    assert actual_findings(code) == []


def test_flattened_output_has_unknown_units() -> None:
    output = output_of(
        _HEAD + "model = keras.Sequential([keras.Input(shape=(10, 4)), layers.Dense(3, activation='softmax'),"
        " layers.Flatten()])\n"
    )
    assert output is not None and output.units is None and output.activation is not None
    assert output.activation.name == "softmax"


# -- TimeDistributed heads ------------------------------------------------------------


def test_time_distributed_head_with_computed_units() -> None:
    code = (
        _HEAD + 'TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC")\n'
        "model = keras.Sequential([\n"
        "    keras.Input(shape=(50,)),\n"
        "    layers.Embedding(10000, 64),\n"
        "    layers.Bidirectional(layers.LSTM(64, return_sequences=True)),\n"
        "    layers.TimeDistributed(layers.Dense(len(TAGS), activation='softmax')),\n"
        "])\n"
        "model.compile(optimizer='adam', loss='binary_crossentropy')  # expect: KL102\n"
        "model.fit(x, y)\n"
    )
    assert actual_findings(code) == expected_findings(code) != []


# -- bounded work -------------------------------------------------------------------------


def test_many_reads_of_a_growing_list_stay_within_the_budget() -> None:
    from keraslint.config import Settings
    from keraslint.runner import check_bytes

    lines = [_HEAD + "stack = []"]
    for i in range(3000):
        lines.append(f"stack.append(layers.Dense({i + 2}))")
        lines.append(f"m{i} = keras.Sequential(stack)")
    # Passing the list to ``Sequential`` may change it (an unknown call):
    # the reads after the first are unknown, but each must stay cheap.
    lines.append("head = [layers.Dense(1, activation='sigmoid')]")
    lines.append("last = keras.Sequential(head)")
    lines.append("last.compile(optimizer='adam', loss='categorical_crossentropy')")
    lines.append("last.fit(x, y)")
    code = "\n".join(lines) + "\n"
    result = check_bytes("many.py", code.encode(), Settings())
    codes = {d.code for d in result.diagnostics}
    assert not result.internal_errors
    assert "KL002" not in codes
    assert "KL103" in codes
