"""The extractor on the code shapes the issue names: import forms, model
forms, argument forms; and the cases where it must not guess."""

from __future__ import annotations

import libcst as cst
import pytest

from keraslint.model.extract import extract
from keraslint.model.types import FileModel
from keraslint.testing import actual_findings, expected_findings


def model_of(code: str) -> FileModel:
    return extract(cst.parse_module(code), code)


IMPORT_FORMS = {
    "tensorflow.keras.layers": "from tensorflow.keras.layers import Dense\n"
    "from tensorflow.keras.models import Sequential\n"
    "model = Sequential([Dense(1, activation='softmax')])  # expect: KL101\n",
    "from tensorflow import keras": "from tensorflow import keras\n"
    "model = keras.Sequential([keras.layers.Dense(1, activation='softmax')])  # expect: KL101\n",
    "import tensorflow as tf": "import tensorflow as tf\n"
    "model = tf.keras.models.Sequential([tf.keras.layers.Dense(1, activation='softmax')])  # expect: KL101\n",
    "import keras": "import keras\n"
    "model = keras.Sequential([keras.layers.Dense(1, activation='softmax')])  # expect: KL101\n",
    "from keras import layers": "from keras import layers, models\n"
    "model = models.Sequential([layers.Dense(1, activation='softmax')])  # expect: KL101\n",
    "aliased": "from keras.layers import Dense as D\nfrom keras.models import Sequential as S\n"
    "model = S([D(1, activation='softmax')])  # expect: KL101\n",
    "import tensorflow.keras as K": "import tensorflow.keras as K\n"
    "model = K.Sequential([K.layers.Dense(1, activation='softmax')])  # expect: KL101\n",
    "star import": "from keras.layers import *\nfrom keras.models import Sequential\n"
    "model = Sequential([Dense(1, activation='softmax')])  # expect: KL101\n",
    "keras.layers.core (Keras 2)": "from keras.layers.core import Dense\nfrom keras.models import Sequential\n"
    "model = Sequential([Dense(1, activation='softmax')])  # expect: KL101\n",
    "inside a function": "def build():\n    import keras\n"
    "    return keras.Sequential([keras.layers.Dense(1, activation='softmax')])  # expect: KL101\n",
}


@pytest.mark.parametrize("code", IMPORT_FORMS.values(), ids=IMPORT_FORMS.keys())
def test_import_forms_are_resolved(code: str) -> None:
    assert actual_findings(code) == expected_findings(code) != []


NOT_KERAS = {
    "own Dense class": "import keras\nclass Dense:\n    def __init__(self, units, activation=None):\n"
    "        self.units = units\nlayer = Dense(1, activation='softmax')\n",
    "own Dense shadows the import": "from keras.layers import Dense\nfrom keras.models import Sequential\n"
    "def Dense(units, activation=None):\n    return units\n"
    "model = Sequential([Dense(1, activation='softmax')])\nmodel.compile(loss='binary_crossentropy')\n",
    "torch": "import torch.nn as nn\nimport keras\nmodel = nn.Sequential(nn.Linear(4, 1), nn.Softmax(dim=1))\n",
    "flax": "import flax.linen as nn\nimport keras\nclass M(nn.Module):\n"
    "    def __call__(self, x):\n        return nn.softmax(nn.Dense(features=1)(x))\n",
    "sklearn hinge": "import keras\nfrom sklearn.linear_model import SGDClassifier\n"
    "clf = SGDClassifier(loss='hinge')\n",
    "relative import": "from .layers import Dense\nimport keras\nlayer = Dense(1, activation='softmax')\n",
    "re.compile": "import re\nimport keras\npattern = re.compile('categorical_cross_entropy', 0)\n",
}


@pytest.mark.parametrize("code", NOT_KERAS.values(), ids=NOT_KERAS.keys())
def test_code_that_is_not_keras_is_left_alone(code: str) -> None:
    assert actual_findings(code) == []


UNCERTAIN = {
    # Over a sequence not known (it may be empty); a literal one's last
    # iteration is certain (tests/test_engine_shapes.py).
    "output added in a loop": "import keras\nmodel = keras.Sequential()\nfor units in sizes:\n"
    "    model.add(keras.layers.Dense(units, activation='softmax'))\n"
    "model.compile(loss='categorical_crossentropy')\n",
    "output added in a branch": "import keras, sys\nmodel = keras.Sequential()\n"
    "if sys.argv[1] == 'binary':\n    model.add(keras.layers.Dense(1, activation='sigmoid'))\n"
    "else:\n    model.add(keras.layers.Dense(10, activation='softmax'))\n"
    "model.compile(loss='binary_crossentropy')\n",
    "units from a parameter": "import keras\ndef build(n):\n"
    "    model = keras.Sequential([keras.layers.Dense(n, activation='softmax')])\n"
    "    model.compile(loss='binary_crossentropy')\n    return model\n",
    "constant assigned twice": "import keras\nN = 1\nN = 10\n"
    "model = keras.Sequential([keras.layers.Dense(N, activation='softmax')])\n"
    "model.compile(loss='categorical_crossentropy')\nN = 1\n"
    "def f():\n    return keras.layers.Dense(N, activation='softmax')\n",
    "constant assigned in a branch": "import keras, os\nN = 10\nif os.environ.get('BIN'):\n    N = 1\n"
    "model = keras.Sequential([keras.layers.Dense(N, activation='softmax')])\n",
    "loss from a variable set in a branch": "import keras, sys\nloss = 'categorical_crossentropy'\n"
    "if len(sys.argv) > 1:\n    loss = sys.argv[1]\n"
    "model = keras.Sequential([keras.layers.Dense(1, activation='sigmoid')])\nmodel.compile(loss=loss)\n",
    "activation from a function call": "import keras\n"
    "model = keras.Sequential([keras.layers.Dense(1, activation=pick())])\nmodel.compile(loss='hinge')\n",
    "unknown last layer": "import keras\nfrom mylib import MyHead\n"
    "model = keras.Sequential([keras.layers.Dense(1), MyHead()])\nmodel.compile(loss='binary_crossentropy')\n",
    "model popped": "import keras\nmodel = keras.Sequential([keras.layers.Dense(8), keras.layers.Dense(1)])\n"
    "model.pop()\nmodel.compile(loss='binary_crossentropy')\n",
    "softmax over another axis": "import keras\ninp = keras.Input((4, 1))\n"
    "x = keras.layers.Dense(1)(inp)\nout = keras.layers.Softmax(axis=1)(x)\n"
    "model = keras.Model(inp, out)\nmodel.compile(loss='categorical_crossentropy')\n",
    "batchnorm between Dense(1) and softmax": "import keras\nmodel = keras.Sequential([keras.layers.Dense(1), "
    "keras.layers.BatchNormalization(), keras.layers.Activation('softmax')])\n",
    "model rebuilt in a branch": "import keras, sys\n"
    "model = keras.Sequential([keras.layers.Dense(1, activation='sigmoid')])\n"
    "if sys.argv:\n    model = keras.Sequential([keras.layers.Dense(3, activation='softmax')])\n"
    "model.compile(loss='categorical_crossentropy')\n",
}


@pytest.mark.parametrize("code", UNCERTAIN.values(), ids=UNCERTAIN.keys())
def test_uncertain_code_stays_silent(code: str) -> None:
    assert actual_findings(code) == []


FORMS = {
    "positional units and activation": "import keras\n"
    "model = keras.Sequential([keras.layers.Dense(1, 'softmax')])  # expect: KL101\n",
    "units keyword": "import keras\nmodel = keras.Sequential([keras.layers.Dense(units=1, activation='softmax')])"
    "  # expect: KL101\n",
    "activation=None is linear": "import keras\nmodel = keras.Sequential([keras.layers.Dense(1, activation=None)])\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')  # expect: KL106\n",
    "module constant": "import keras\nNUM_CLASSES = 1\n"
    "model = keras.Sequential([keras.layers.Dense(NUM_CLASSES, activation='softmax')])  # expect: KL101\n",
    "module constant read in a function": "import keras\nNUM_CLASSES = 1\ndef head():\n"
    "    return keras.layers.Dense(NUM_CLASSES, activation='softmax')  # expect: KL101\n",
    "positional compile": "import keras\nmodel = keras.Sequential([keras.layers.Dense(1)])\n"
    "model.compile('adam', 'binary_crossentropy')  # expect: KL106\n",
    "loss function object": "import tensorflow as tf\nmodel = tf.keras.Sequential([tf.keras.layers.Dense(1)])\n"
    "model.compile(optimizer='adam', loss=tf.keras.losses.binary_crossentropy)  # expect: KL106\n",
    "loss in a constant": "import keras\nLOSS = 'categorical_crossentropy'\n"
    "model = keras.Sequential([keras.layers.Dense(1, activation='sigmoid')])\n"
    "model.compile(optimizer='adam', loss=LOSS)  # expect: KL103\n",
    "activation function object": "import tensorflow as tf\n"
    "model = tf.keras.Sequential([tf.keras.layers.Dense(1, activation=tf.nn.softmax)])  # expect: KL101\n",
    "keras.activations object": "import keras\n"
    "model = keras.Sequential([keras.layers.Dense(1, activation=keras.activations.softmax)])  # expect: KL101\n",
    "functional keywords": "import keras\ninputs = keras.Input(shape=(3,))\nx = keras.layers.Dense(8)(inputs)\n"
    "head = keras.layers.Dense(5, activation='sigmoid')  # expect: KL107\n"
    "outputs = head(x)\nmodel = keras.Model(inputs=inputs, outputs=outputs)\n"
    "model.compile(optimizer='adam', loss='categorical_crossentropy')\n",
    "softmax applied as a function": "import tensorflow as tf\ninputs = tf.keras.Input(shape=(3,))\n"
    "logits = tf.keras.layers.Dense(4)(inputs)\nprobs = tf.nn.softmax(logits)\n"
    "model = tf.keras.Model(inputs, probs)\n"
    "model.compile(loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True))  # expect: KL105\n",
    "with strategy scope": "import tensorflow as tf\nstrategy = tf.distribute.MirroredStrategy()\n"
    "with strategy.scope():\n    model = tf.keras.Sequential([tf.keras.layers.Dense(10)])\n"
    "    model.compile(loss='sparse_categorical_crossentropy')  # expect: KL106\n",
    "value-preserving layers are looked through": "import keras\nmodel = keras.Sequential([\n"
    "    keras.layers.Dense(10, activation='sigmoid'),  # expect: KL107\n"
    "    keras.layers.Dropout(0.5),\n    keras.layers.GaussianNoise(0.1),\n"
    "    keras.layers.ActivityRegularization(),\n])\nmodel.compile(loss='categorical_crossentropy')\n",
    "linear Activation after softmax is an identity cast": "import keras\nfrom keras import layers\n"
    "inputs = keras.Input(shape=(784,))\nx = layers.Dense(10)(inputs)\n"
    "x = layers.Activation('softmax', dtype='float32')(x)\n"
    "outputs = layers.Activation('linear', dtype='float32')(x)\nmodel = keras.Model(inputs, outputs)\n"
    "model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))  # expect: KL105\n",
    "linear Activation after sigmoid in Sequential": "import keras\nfrom keras import layers\n"
    "model = keras.Sequential([layers.Dense(1, activation='sigmoid'), layers.Activation(None)])\n"
    "model.compile(loss='binary_crossentropy', optimizer='adam')\n",
    "dead compile is skipped": "import keras\nmodel = keras.Sequential([keras.layers.Dense(10, activation='softmax')])\n"
    "model.compile(loss='binary_crossentropy')\nmodel.compile(loss='categorical_crossentropy')\n"
    "model.fit(x, y)\n",
    "compile after fit is live": "import keras\nmodel = keras.Sequential([keras.layers.Dense(10, activation='softmax')])\n"
    "model.compile(loss='categorical_crossentropy')\nmodel.fit(x, y)\n"
    "model.compile(loss='binary_crossentropy')  # expect: KL102\nmodel.fit(x, y)\n",
    "one-hot target rebound before fit": "import keras\nfrom keras.utils import to_categorical\n"
    "y = to_categorical(labels, 3)\ny = labels\n"
    "model = keras.Sequential([keras.layers.Dense(3, activation='softmax')])\n"
    "model.compile(loss='sparse_categorical_crossentropy')\nmodel.fit(x, y)\n",
    "one-hot target keyword": "import keras\n"
    "y_hot = keras.utils.to_categorical(labels, 3)\n"
    "model = keras.Sequential([keras.layers.Dense(3, activation='softmax')])\n"
    "model.compile(loss='sparse_categorical_crossentropy')  # expect: KL201\nmodel.fit(x=x, y=y_hot)\n",
}


@pytest.mark.parametrize("code", FORMS.values(), ids=FORMS.keys())
def test_forms(code: str) -> None:
    assert actual_findings(code) == expected_findings(code)


def test_model_facts_for_a_functional_model() -> None:
    code = (
        "from tensorflow import keras\nfrom tensorflow.keras import layers\n"
        "inputs = keras.Input(shape=(20,))\nx = layers.Dense(64, activation='relu')(inputs)\n"
        "x = layers.Dropout(0.2)(x)\nx = layers.Dense(3)(x)\noutputs = layers.Activation('softmax')(x)\n"
        "model = keras.Model(inputs, outputs)\n"
        "model.compile(optimizer='adam', loss=keras.losses.CategoricalCrossentropy(from_logits=False))\n"
        "model.fit(x_train, y_train)\n"
    )
    (model,) = model_of(code).models
    assert model.output is not None
    assert (model.output.kind, model.output.units) == ("Dense", 3)
    assert model.output.activation is not None and model.output.activation.name == "softmax"
    assert model.output.activation.span.start.line == 7
    (compile_,) = model.compiles
    (loss,) = compile_.losses
    assert loss is not None
    assert (loss.name, loss.from_logits) == ("categorical_crossentropy", False)
    assert [t.source for t in compile_.fit_targets] == ["y_train"]


def test_trailing_activation_after_flatten_has_unknown_units() -> None:
    code = (
        "import keras\nmodel = keras.Sequential([keras.layers.Dense(1), keras.layers.Flatten(), "
        "keras.layers.Softmax()])\n"
    )
    (model,) = model_of(code).models
    assert model.output is not None
    assert model.output.units is None
    assert model.output.activation is not None and model.output.activation.name == "softmax"


MULTI_OUTPUT = {
    "list of losses by position": "import keras\nfrom keras import layers\ninputs = keras.Input((8,))\n"
    "x = layers.Dense(16, activation='relu')(inputs)\n"
    "churn = layers.Dense(1, activation='sigmoid', name='churn')(x)\n"
    "plan = layers.Dense(4, activation='softmax', name='plan')(x)\n"
    "model = keras.Model(inputs, [churn, plan])\n"
    "model.compile(loss=['binary_crossentropy', 'categorical_crossentropy'])\n",
    "dict of losses by layer name": "import keras\nfrom keras import layers\ninputs = keras.Input((8,))\n"
    "churn = layers.Dense(1, activation='sigmoid', name='churn')(inputs)\n"
    "plan = layers.Dense(4, activation='softmax', name='plan')(inputs)\n"
    "model = keras.Model(inputs=inputs, outputs=[plan, churn])\n"
    "model.compile(loss={'churn': 'binary_crossentropy', 'plan': 'sparse_categorical_crossentropy'})\n",
    "dict outputs keyed by name": "import keras\nfrom keras import layers\ninputs = keras.Input((8,))\n"
    "model = keras.Model(inputs, {'age': layers.Dense(1)(inputs), 'kind': layers.Dense(3, activation='softmax')(inputs)})\n"
    "model.compile(loss={'age': 'mse', 'kind': 'categorical_crossentropy'})\n",
    "one loss for every head": "import keras\nfrom keras import layers\ninputs = keras.Input((8,))\n"
    "a = layers.Dense(3, activation='sigmoid')(inputs)\nb = layers.Dense(2, activation='sigmoid')(inputs)\n"
    "model = keras.Model(inputs, [a, b])\nmodel.compile(loss='binary_crossentropy')\n",
}


@pytest.mark.parametrize("code", MULTI_OUTPUT.values(), ids=MULTI_OUTPUT.keys())
def test_multi_output_losses_pair_with_their_own_head(code: str) -> None:
    assert actual_findings(code) == []


def test_multi_output_wrong_pairing_is_reported_on_its_own_head() -> None:
    code = (
        "import keras\nfrom keras import layers\ninputs = keras.Input((8,))\n"
        "churn = layers.Dense(1, activation='sigmoid', name='churn')(inputs)\n"
        "plan = layers.Dense(4, activation='softmax', name='plan')(inputs)\n"
        "model = keras.Model(inputs, [churn, plan])\n"
        "model.compile(loss=['categorical_crossentropy',  # expect: KL103\n"
        "                    'binary_crossentropy'])  # expect: KL102\n"
        "model2 = keras.Model(inputs, [churn, plan])\n"
        "model2.compile(loss={'plan': 'mse',  # expect: KL108\n"
        "                     'churn': 'binary_crossentropy'})\n"
    )
    assert actual_findings(code) == expected_findings(code)
    (first, _second) = model_of(code).models
    assert [o.name for o in first.outputs if o] == ["churn", "plan"]


SHAPES = {
    "builder compiled at the call site": "import keras\ndef build_model():\n"
    "    model = keras.Sequential([keras.layers.Dense(64, activation='relu'), keras.layers.Dense(10)])\n"
    "    return model\nmodel = build_model()\n"
    "model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')  # expect: KL106\n",
    "builder returning the model directly": "from tensorflow import keras\ndef make():\n"
    "    return keras.Sequential([keras.layers.Dense(5, activation='sigmoid')])  # expect: KL107\n"
    "clf = make()\nclf.compile(loss='categorical_crossentropy')\n",
    "builder compiling inside": "import keras\ndef build():\n"
    "    model = keras.Sequential([keras.layers.Dense(3, activation='softmax')])\n"
    "    model.compile(loss='binary_crossentropy')  # expect: KL102\n    return model\nm = build()\nm.fit(x, y)\n",
    "builder compile replaced at every call site": "import keras\ndef build():\n"
    "    model = keras.Sequential([keras.layers.Dense(3, activation='softmax')])\n"
    "    model.compile(loss='binary_crossentropy')\n    return model\nm = build()\n"
    "m.compile(loss='categorical_crossentropy')\nm.fit(x, y)\n",
    "subclassed model": "import keras\nfrom keras import layers\nclass Net(keras.Model):\n"
    "    def __init__(self):\n        super().__init__()\n        self.hidden = layers.Dense(32, activation='relu')\n"
    "        self.out = layers.Dense(10, activation='softmax')\n"
    "    def call(self, inputs):\n        x = self.hidden(inputs)\n        return self.out(x)\n"
    "model = Net()\nmodel.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))  # expect: KL105\n",
    "subclass returning a softmax-normalised product": "import keras\nimport tensorflow as tf\nfrom keras import layers\n"
    "class Router(keras.Model):\n    def __init__(self, n):\n        super().__init__()\n"
    "        self.gate = layers.Dense(4, activation='sigmoid')\n        self.score = layers.Dense(4)\n"
    "    def call(self, x):\n        return tf.nn.softmax(self.score(x) * self.gate(x))\n"
    "model = Router(4)\nmodel.compile(loss='categorical_crossentropy')\n",
    "subclass of something else is not a model": "import keras\nfrom keras import layers\nclass Block(layers.Layer):\n"
    "    def __init__(self):\n        super().__init__()\n        self.out = layers.Dense(10)\n"
    "    def call(self, x):\n        return self.out(x)\nblock = Block()\nblock.compile(loss='binary_crossentropy')\n",
    "attribute assigned in a branch": "import keras\nfrom keras import layers\nclass Net(keras.Model):\n"
    "    def __init__(self, binary):\n        super().__init__()\n        if binary:\n"
    "            self.out = layers.Dense(1, activation='sigmoid')\n        else:\n"
    "            self.out = layers.Dense(10, activation='softmax')\n"
    "    def call(self, x):\n        return self.out(x)\nmodel = Net(flag)\nmodel.compile(loss='categorical_crossentropy')\n",
    "attribute assigned in a branch the constructor decides": "import keras\nfrom keras import layers\n"
    "class Net(keras.Model):\n"
    "    def __init__(self, binary):\n        super().__init__()\n        if binary:\n"
    "            self.out = layers.Dense(1, activation='sigmoid')\n        else:\n"
    "            self.out = layers.Dense(10, activation='softmax')\n"
    "    def call(self, x):\n        return self.out(x)\nmodel = Net(True)\n"
    "model.compile(loss='categorical_crossentropy')  # expect: KL103\n",
    "builder called with different unit counts": "import keras\ndef build(n, act):\n"
    "    return keras.Sequential([keras.layers.Dense(n, activation=act)])\n"
    "binary = build(1, 'sigmoid')\nbinary.compile(loss='binary_crossentropy')\n"
    "multi = build(10, 'softmax')\nmulti.compile(loss='categorical_crossentropy')\n",
}


@pytest.mark.parametrize("code", SHAPES.values(), ids=SHAPES.keys())
def test_model_shapes(code: str) -> None:
    assert actual_findings(code) == expected_findings(code)


MORE_SHAPES = {
    "Lambda applying softmax": "import tensorflow as tf\nmodel = tf.keras.Sequential([tf.keras.layers.Dense(1),\n"
    "    tf.keras.layers.Lambda(lambda t: tf.nn.softmax(t))])  # expect: KL101\n",
    "Lambda with a function reference": "import tensorflow as tf\nmodel = tf.keras.Sequential([tf.keras.layers.Dense(4),\n"
    "    tf.keras.layers.Lambda(tf.nn.sigmoid)])  # expect: KL107\nmodel.compile(loss='categorical_crossentropy')\n",
    "Lambda doing something else is unknown": "import tensorflow as tf\n"
    "model = tf.keras.Sequential([tf.keras.layers.Dense(4, activation='sigmoid'),\n"
    "    tf.keras.layers.Lambda(lambda t: t / tf.reduce_sum(t, axis=-1, keepdims=True))])\n"
    "model.compile(loss='categorical_crossentropy')\n",
    "TimeDistributed is looked inside": "import keras\nfrom keras import layers\ninputs = keras.Input((20, 8))\n"
    "x = layers.LSTM(32, return_sequences=True)(inputs)\n"
    "outputs = layers.TimeDistributed(layers.Dense(12, activation='sigmoid'))(x)  # expect: KL107\n"
    "model = keras.Model(inputs, outputs)\nmodel.compile(loss='sparse_categorical_crossentropy')\n",
    "Conv1D head after a helper Dense stays silent": "import keras\nfrom keras import layers\n"
    "def tnet(x):\n    return layers.Dense(9, activation='sigmoid')(x)\n"
    "inputs = keras.Input((1024, 3))\nx = tnet(inputs)\n"
    "outputs = layers.Conv1D(5, 1, activation='softmax')(x)\nmodel = keras.Model(inputs, outputs)\n"
    "model.compile(loss='sparse_categorical_crossentropy')\n",
}


@pytest.mark.parametrize("code", MORE_SHAPES.values(), ids=MORE_SHAPES.keys())
def test_more_shapes(code: str) -> None:
    assert actual_findings(code) == expected_findings(code)


def test_nested_sequential_output() -> None:
    code = (
        "import keras\nhead = keras.Sequential([keras.layers.Dense(8, activation='relu'),\n"
        "    keras.layers.Dense(1, activation='softmax')])  # expect: KL101\n"
        "model = keras.Sequential([keras.Input((4,)), head])\n"
        "model.compile(loss='binary_crossentropy')\n"
        "logits = keras.Sequential([keras.layers.Dense(10)])\n"
        "probs = keras.Sequential([logits, keras.layers.Softmax()])\n"
        "probs.compile(loss='sparse_categorical_crossentropy')\n"
        "logits.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"
    )
    assert actual_findings(code) == expected_findings(code)
    nested = model_of(code).models[1]
    assert nested.output is not None and nested.output.units == 1
