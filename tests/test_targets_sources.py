"""Where targets come from: tf.data pipelines, directory loaders, image
generators, the file's own functions, slices, conversions, tokenizer ids,
scikit-learn loaders and ``to_categorical`` without ``num_classes``.

Each mistake is paired with a correct program of the same shape that must
stay silent, and with programs where the targets are not certain (silent)."""

from __future__ import annotations

import textwrap

import pytest

from keraslint.checker import lint_text

TF = "import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\n"


def codes(body: str) -> list[str]:
    result = lint_text("t.py", TF + textwrap.dedent(body))
    assert not result.internal_errors, result.internal_errors
    return sorted(d.code for d in result.diagnostics if d.code[:3] in ("KL1", "KL2"))


def model(units: int, activation: str, loss: str) -> str:
    return (
        f'model = keras.Sequential([keras.layers.Dense(64, activation="relu"), '
        f'keras.layers.Dense({units}, activation="{activation}")])\n'
        f'model.compile(optimizer="adam", loss="{loss}")\n'
    )


SOFTMAX_CCE = model(10, "softmax", "categorical_crossentropy")
SOFTMAX_SPARSE = model(10, "softmax", "sparse_categorical_crossentropy")
MNIST = "(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()\n"
ONE_HOT = "y_train_1h = keras.utils.to_categorical(y_train, 10)\n"

FLAGGED = {
    # tf.data
    "from_tensor_slices": (
        MNIST
        + "ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(1000).batch(32)\n"
        + SOFTMAX_CCE
        + "model.fit(ds, epochs=3)\n",
        "KL202",
    ),
    "from_tensor_slices one-hot": (
        MNIST + ONE_HOT + "ds = tf.data.Dataset.from_tensor_slices((x_train, y_train_1h))\n"
        "ds = ds.cache().shuffle(100).batch(64).prefetch(tf.data.AUTOTUNE).repeat()\n"
        + SOFTMAX_SPARSE
        + "model.fit(ds, steps_per_epoch=100)\n",
        "KL201",
    ),
    "zip": (
        MNIST + "xs = tf.data.Dataset.from_tensor_slices(x_train)\nys = tf.data.Dataset.from_tensor_slices(y_train)\n"
        "ds = tf.data.Dataset.zip((xs, ys)).batch(32)\n" + SOFTMAX_CCE + "model.fit(ds)\n",
        "KL202",
    ),
    "map lambda one_hot": (
        MNIST + "ds = tf.data.Dataset.from_tensor_slices((x_train, y_train))\n"
        "ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, tf.one_hot(y, 10))).batch(32)\n"
        + SOFTMAX_SPARSE
        + "model.fit(ds)\n",
        "KL201",
    ),
    "map lambda passes labels": (
        MNIST + "ds = tf.data.Dataset.from_tensor_slices((x_train, y_train))\n"
        "ds = ds.map(lambda image, label: (image / 255, label)).batch(32)\n" + SOFTMAX_CCE + "model.fit(ds)\n",
        "KL202",
    ),
    "map def": (
        MNIST + "def prep(image, label):\n    return tf.cast(image, tf.float32) / 255.0, tf.one_hot(label, 10)\n"
        "ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).map(prep).batch(32)\n"
        + SOFTMAX_SPARSE
        + "model.fit(ds)\n",
        "KL201",
    ),
    "map one param": (
        MNIST + "ds = tf.data.Dataset.from_tensor_slices((x_train, y_train))\n"
        "ds = ds.map(lambda pair: (pair[0], pair[1])).batch(32)\n" + SOFTMAX_CCE + "model.fit(ds)\n",
        "KL202",
    ),
    "validation dataset": (
        MNIST
        + ONE_HOT
        + "val = tf.data.Dataset.from_tensor_slices((x_test, y_test)).batch(32)\n"
        + SOFTMAX_CCE
        + "model.fit(x_train, y_train_1h, validation_data=val)\n",
        "KL202",
    ),
    "dataset helper": (
        MNIST + "def make_ds(x, y, batch=32):\n    return tf.data.Dataset.from_tensor_slices((x, y)).batch(batch)\n"
        "train = make_ds(x_train, y_train)\n" + SOFTMAX_CCE + "model.fit(train)\n",
        "KL202",
    ),
    # directory loaders and generators
    "image_dataset_from_directory": (
        'train_ds = keras.utils.image_dataset_from_directory("data", image_size=(64, 64))\n'
        + SOFTMAX_CCE
        + "model.fit(train_ds)\n",
        "KL202",
    ),
    "image_dataset categorical": (
        'train_ds = keras.utils.image_dataset_from_directory("data", label_mode="categorical")\n'
        + SOFTMAX_SPARSE
        + "model.fit(train_ds)\n",
        "KL201",
    ),
    "subset both": (
        'train_ds, val_ds = keras.utils.image_dataset_from_directory("data", validation_split=0.2, '
        'subset="both", seed=1)\n' + SOFTMAX_CCE + "model.fit(train_ds, validation_data=val_ds)\n",
        "KL202",
    ),
    "class_names": (
        'ds = keras.utils.image_dataset_from_directory("d", class_names=["cat", "dog", "bird"])\n'
        + SOFTMAX_SPARSE
        + "model.fit(ds)\n",
        "KL204",
    ),
    "text_dataset_from_directory": (
        'raw = keras.utils.text_dataset_from_directory("aclImdb/train", batch_size=32)\n'
        "train = raw.map(lambda text, label: (vectorize(text), label))\n" + SOFTMAX_CCE + "model.fit(train)\n",
        "KL202",
    ),
    "flow_from_directory": (
        "gen = keras.preprocessing.image.ImageDataGenerator(rescale=1 / 255)\n"
        'train_gen = gen.flow_from_directory("train", target_size=(150, 150), batch_size=20)\n'
        + SOFTMAX_SPARSE
        + "model.fit(train_gen, epochs=5)\n",
        "KL201",
    ),
    "flow_from_directory sparse": (
        "gen = keras.preprocessing.image.ImageDataGenerator(rescale=1 / 255)\n"
        'train_gen = gen.flow_from_directory("train", class_mode="sparse")\n'
        + SOFTMAX_CCE
        + "model.fit_generator(train_gen, 100, epochs=5)\n",
        "KL202",
    ),
    "flow": (
        MNIST
        + "gen = keras.preprocessing.image.ImageDataGenerator(rotation_range=10)\n"
        + SOFTMAX_CCE
        + "model.fit(gen.flow(x_train, y_train, batch_size=32))\n",
        "KL202",
    ),
    # TensorFlow Datasets
    "tfds split list with info": (
        "import tensorflow_datasets as tfds\n"
        "(ds_train, ds_test), info = tfds.load('mnist', split=['train', 'test'], as_supervised=True, with_info=True)\n"
        "ds_train = ds_train.map(lambda image, label: (tf.cast(image, tf.float32) / 255.0, label)).batch(128)\n"
        + SOFTMAX_CCE
        + "model.fit(ds_train, validation_data=ds_test.batch(128))\n",
        "KL202",
    ),
    "tfds class count": (
        "import tensorflow_datasets as tfds\n"
        "train = tfds.load('tf_flowers', split='train[:80%]', as_supervised=True)\n"
        + SOFTMAX_SPARSE
        + "model.fit(train.batch(32))\n",
        "KL204",
    ),
    # the file's own functions
    "function returns (x, y)": (
        "def load():\n    (x, y), _ = keras.datasets.mnist.load_data()\n    return x / 255.0, y\n"
        "x_train, y_train = load()\n" + SOFTMAX_CCE + "model.fit(x_train, y_train)\n",
        "KL202",
    ),
    "function argument": (
        "def encode(labels, n):\n    return keras.utils.to_categorical(labels, n)\n"
        + MNIST
        + "y = encode(y_train, 10)\n"
        + SOFTMAX_SPARSE
        + "model.fit(x_train, y)\n",
        "KL201",
    ),
    "one-hot rows written in a helper": (
        "import random\n"
        "def make_data(n, k):\n"
        "    x = np.zeros([n, 8])\n"
        "    y = np.zeros([n] + [k])\n"
        "    for i in range(n):\n"
        "        x[i, :] = np.random.rand(8)\n"
        "        y[i] = tf.one_hot(random.randint(0, k - 1), k).numpy()\n"
        "    return x, y\n"
        "x_all, y_all = make_data(100, 10)\n" + SOFTMAX_SPARSE + "model.fit(x_all, y_all)\n",
        "KL201",
    ),
    # slices and conversions
    "row slice": (MNIST + SOFTMAX_CCE + "model.fit(x_train[:500], y_train[:500])\n", "KL202"),
    "conversions": (
        MNIST
        + "y = tf.convert_to_tensor(np.asarray(y_train))\ny = tf.cast(y, tf.int64)\n"
        + SOFTMAX_CCE
        + "model.fit(x_train, y)\n",
        "KL202",
    ),
    "numpy()": (MNIST + "y = tf.one_hot(y_train, 10).numpy()\n" + SOFTMAX_SPARSE + "model.fit(x_train, y)\n", "KL201"),
    "scaler column": (
        "from sklearn.preprocessing import StandardScaler\n"
        "y = StandardScaler().fit_transform(prices.reshape(-1, 1))[:, 0]\n"
        + model(1, "linear", "msle")
        + "model.fit(x[:800], y[:800])\n",
        "KL110",
    ),
    "scaler ravel": (
        "from sklearn.preprocessing import StandardScaler\n"
        "y = StandardScaler().fit_transform(prices.reshape(-1, 1)).ravel()\n"
        + model(1, "linear", "msle")
        + "model.fit(x, y)\n",
        "KL110",
    ),
    # tokenizer ids
    "tokenizer ids": (
        "from tensorflow.keras.preprocessing.text import Tokenizer\n"
        "from tensorflow.keras.preprocessing.sequence import pad_sequences\n"
        "tok = Tokenizer()\ntok.fit_on_texts(lines)\n"
        "seqs = np.array(pad_sequences(tok.texts_to_sequences(lines), maxlen=20))\n"
        "X, Y = seqs[:, :-1], seqs[:, -1]\n" + SOFTMAX_CCE + "model.fit(X, Y)\n",
        "KL202",
    ),
    "pd.factorize codes": (
        "import pandas as pd\ndf = pd.read_csv('train.csv')\ncodes, names = pd.factorize(df['species'])\n"
        + SOFTMAX_CCE
        + "model.fit(df[['a', 'b']].values, codes)\n",
        "KL202",
    ),
    "np.unique inverse": (
        "classes, y = np.unique(raw_labels, return_inverse=True)\n" + SOFTMAX_CCE + "model.fit(x, y)\n",
        "KL202",
    ),
    "labels written out": (
        "X = np.array([[0.5, 1], [0.9, 2], [0.3, 1], [0.1, 0]])\ny = np.array([[1], [2], [3], [0]])\n"
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(X, y)\n",
        "KL205",
    ),
    # scikit-learn loaders
    "load_iris return_X_y": (
        "from sklearn.datasets import load_iris\nX, y = load_iris(return_X_y=True)\n"
        + SOFTMAX_SPARSE
        + "model.fit(X, y)\n",
        "KL204",
    ),
    "load_iris target": (
        "from sklearn import datasets\niris = datasets.load_iris()\n"
        + model(3, "softmax", "categorical_crossentropy")
        + "model.fit(iris.data, iris.target)\n",
        "KL202",
    ),
    "load_digits bce": (
        "from sklearn.datasets import load_digits\ndigits = load_digits()\n"
        + model(1, "sigmoid", "binary_crossentropy")
        + 'model.fit(digits.data, digits["target"])\n',
        "KL205",
    ),
    "load_diabetes": (
        "from sklearn.datasets import load_diabetes\nX, y = load_diabetes(return_X_y=True)\n"
        + model(1, "sigmoid", "mse")
        + "model.fit(X, y)\n",
        "KL111",
    ),
    "california": (
        "from sklearn.datasets import fetch_california_housing\nhousing = fetch_california_housing()\n"
        "from sklearn.model_selection import train_test_split\n"
        "X_tr, X_te, y_tr, y_te = train_test_split(housing.data, housing.target)\n"
        + model(1, "sigmoid", "mae")
        + "model.fit(X_tr, y_tr)\n",
        "KL111",
    ),
    # to_categorical without num_classes
    "to_categorical width": (
        MNIST
        + "y = keras.utils.to_categorical(y_train)\n"
        + model(12, "softmax", "categorical_crossentropy")
        + "model.fit(x_train, y)\n",
        "KL204",
    ),
    "to_categorical iris": (
        "from sklearn.datasets import load_iris\nX, y = load_iris(return_X_y=True)\n"
        "y = keras.utils.to_categorical(y)\n" + model(4, "softmax", "categorical_crossentropy") + "model.fit(X, y)\n",
        "KL204",
    ),
}

SILENT = {
    "from_tensor_slices one-hot cce": (
        MNIST
        + ONE_HOT
        + "ds = tf.data.Dataset.from_tensor_slices((x_train, y_train_1h)).batch(32)\n"
        + SOFTMAX_CCE
        + "model.fit(ds)\n"
    ),
    "map one-hot cce": (
        MNIST + "ds = tf.data.Dataset.from_tensor_slices((x_train, y_train))\n"
        "ds = ds.map(lambda x, y: (x, tf.one_hot(y, 10))).batch(32)\n" + SOFTMAX_CCE + "model.fit(ds)\n"
    ),
    "map one-hot inputs sparse": (
        MNIST + "ds = tf.data.Dataset.from_tensor_slices((x_train, y_train))\n"
        "ds = ds.map(lambda x, y: (tf.one_hot(x, 4), y)).batch(32)\n" + SOFTMAX_SPARSE + "model.fit(ds)\n"
    ),
    "map lambda param shadows a module name": (
        MNIST + ONE_HOT + "y = y_train_1h\n"
        "ds = tf.data.Dataset.from_tensor_slices((x_train, y_train))\n"
        "ds = ds.map(lambda x, y: (x, y)).batch(32)\n" + SOFTMAX_SPARSE + "model.fit(ds)\n"
    ),
    "unknown map function": (
        MNIST
        + "ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).map(augment)\n"
        + SOFTMAX_CCE
        + "model.fit(ds)\n"
    ),
    "dataset categorical cce": (
        'train_ds = keras.utils.image_dataset_from_directory("d", label_mode="categorical")\n'
        + SOFTMAX_CCE
        + "model.fit(train_ds)\n"
    ),
    "label_mode binary bce": (
        'train_ds = keras.utils.image_dataset_from_directory("d", label_mode="binary")\n'
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(train_ds)\n"
    ),
    "class_mode binary two-unit sparse": (
        "gen = keras.preprocessing.image.ImageDataGenerator(rescale=1 / 255)\n"
        'train_gen = gen.flow_from_directory("train", class_mode="binary")\n'
        + model(2, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(train_gen)\n"
    ),
    "label_mode from argparse": (
        'train_ds = keras.utils.image_dataset_from_directory("d", label_mode=args.mode)\n'
        + SOFTMAX_CCE
        + "model.fit(train_ds)\n"
    ),
    "explicit labels": (
        'train_ds = keras.utils.image_dataset_from_directory("d", labels=my_labels)\n'
        + SOFTMAX_CCE
        + "model.fit(train_ds)\n"
    ),
    "label_mode in a branch": (
        'mode = "int"\nif one_hot:\n    mode = "categorical"\n'
        'train_ds = keras.utils.image_dataset_from_directory("d", label_mode=mode)\n'
        + SOFTMAX_CCE
        + "model.fit(train_ds)\n"
    ),
    "flow_from_directory default cce": (
        "gen = keras.preprocessing.image.ImageDataGenerator(rescale=1 / 255)\n"
        'train_gen = gen.flow_from_directory("train")\n' + SOFTMAX_CCE + "model.fit(train_gen)\n"
    ),
    "tfds without as_supervised": (
        "import tensorflow_datasets as tfds\n"
        "train = tfds.load('mnist', split='train')\n"
        "train = train.map(lambda d: (d['image'], d['label'])).batch(32)\n" + SOFTMAX_CCE + "model.fit(train)\n"
    ),
    "tfds all splits": (
        "import tensorflow_datasets as tfds\n"
        "splits = tfds.load('mnist', as_supervised=True)\n" + SOFTMAX_CCE + "model.fit(splits['train'])\n"
    ),
    "tfds one-hot map": (
        "import tensorflow_datasets as tfds\n"
        "train = tfds.load('cifar10', split='train', as_supervised=True)\n"
        "train = train.map(lambda x, y: (x, tf.one_hot(y, 10))).batch(32)\n" + SOFTMAX_CCE + "model.fit(train)\n"
    ),
    "np.unique with index and inverse, first part": (
        "u, idx, inv = np.unique(raw, return_index=True, return_inverse=True)\n" + SOFTMAX_CCE + "model.fit(x, idx)\n"
    ),
    "np.unique without inverse": (
        "u, counts = np.unique(raw, return_counts=True)\n" + SOFTMAX_CCE + "model.fit(x, counts)\n"
    ),
    "iris rows of two species with bce": (
        "from sklearn.datasets import load_iris\nX, y = load_iris(return_X_y=True)\n"
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(X[:100], y[:100])\n"
    ),
    "mnist digits taken from a dataset with bce": (
        MNIST
        + "ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).filter(lambda x, y: y < 2).batch(32)\n"
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(ds)\n"
    ),
    "unshuffled split of sorted labels with bce": (
        "from sklearn.datasets import load_iris\nfrom sklearn.model_selection import train_test_split\n"
        "X, y = load_iris(return_X_y=True)\n"
        "X_tr, X_te, y_tr, y_te = train_test_split(X, y, train_size=100, shuffle=False)\n"
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(X_tr, y_tr)\n"
    ),
    "binary labels written out": (
        "y = np.array([0, 1, 1, 0])\n" + model(1, "sigmoid", "binary_crossentropy") + "model.fit(X, y)\n"
    ),
    "float targets written out": (
        "y = np.array([0.5, 1.5, 2.5])\n" + model(1, "sigmoid", "binary_crossentropy") + "model.fit(X, y)\n"
    ),
    "one-hot rows written out": (
        "y = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]])\n"
        + model(3, "softmax", "categorical_crossentropy")
        + "model.fit(X, y)\n"
    ),
    "fit tuple x is inputs": (MNIST + SOFTMAX_CCE + "model.fit((x_train, y_train))\n"),
    "function with two returns": (
        "def load(flag):\n    (x, y), _ = keras.datasets.mnist.load_data()\n"
        "    if flag:\n        return x, keras.utils.to_categorical(y)\n    return x, y\n"
        "x_train, y_train = load(True)\n" + SOFTMAX_CCE + "model.fit(x_train, y_train)\n"
    ),
    "function of unknown argument": (
        "def prep(y):\n    return np.asarray(y)\n" + SOFTMAX_CCE + "model.fit(x, prep(labels))\n"
    ),
    "mutated rows": (
        MNIST
        + "y = np.zeros((len(y_train), 10))\nfor i, label in enumerate(y_train):\n    y[i, label] = 1\n"
        + SOFTMAX_CCE
        + "model.fit(x_train, y)\n"
    ),
    "one-hot rows written, cce": (
        "y = np.zeros((len(labels), 10))\nfor i, label in enumerate(labels):\n"
        "    y[i] = keras.utils.to_categorical(label, 10)\n" + SOFTMAX_CCE + "model.fit(x, y)\n"
    ),
    "0/1 mask written per step": (
        "y = np.zeros((len(texts), 40))\nfor i, spans in enumerate(positions):\n    for t in spans:\n"
        "        y[i, t] = 1\n" + SOFTMAX_SPARSE + "model.fit(x, y)\n"
    ),
    "rows written then shuffled": (
        "y = np.zeros((100, 10))\nfor i in range(100):\n    y[i] = tf.one_hot(i % 10, 10).numpy()\n"
        "np.random.shuffle(y)\n" + SOFTMAX_SPARSE + "model.fit(x, y)\n"
    ),
    "rows of unknown values": (
        "y = np.zeros((100, 10))\nfor i in range(100):\n    y[i] = encode(i)\n" + SOFTMAX_SPARSE + "model.fit(x, y)\n"
    ),
    "one-hot column is not one-hot": (MNIST + ONE_HOT + SOFTMAX_SPARSE + "model.fit(x_train, y_train_1h[:, 0])\n"),
    "pad_sequences of unknown sequences": (
        "from tensorflow.keras.preprocessing.sequence import pad_sequences\n"
        "Y = pad_sequences(tag_sequences, maxlen=40)\n" + SOFTMAX_CCE + "model.fit(X, Y)\n"
    ),
    "to_categorical of a slice": (
        MNIST
        + "y = keras.utils.to_categorical(y_train[:100])\n"
        + model(12, "softmax", "categorical_crossentropy")
        + "model.fit(x_train[:100], y)\n"
    ),
    "iris one-hot cce": (
        "from sklearn.datasets import load_iris\nX, y = load_iris(return_X_y=True)\n"
        "y = keras.utils.to_categorical(y)\n" + model(3, "softmax", "categorical_crossentropy") + "model.fit(X, y)\n"
    ),
    "breast cancer bce": (
        "from sklearn.datasets import load_breast_cancer\nX, y = load_breast_cancer(return_X_y=True)\n"
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(X, y)\n"
    ),
    "diabetes linear": (
        "from sklearn.datasets import load_diabetes\nX, y = load_diabetes(return_X_y=True)\n"
        + model(1, "linear", "mse")
        + "model.fit(X, y)\n"
    ),
    "to_categorical for a metric only": (
        MNIST
        + "y_1h = keras.utils.to_categorical(y_train)\n"
        + SOFTMAX_SPARSE
        + "model.fit(x_train, y_train)\nauc = keras.metrics.AUC()\n"
        "auc.update_state(y_1h, model.predict(x_train))\n"
    ),
    "shadowed function": (
        MNIST + "def load():\n    return x_train, y_train\n"
        "def load():\n    return x_train, keras.utils.to_categorical(y_train)\n"
        "a, b = load()\n" + SOFTMAX_CCE + "model.fit(a, b)\n"
    ),
}


@pytest.mark.parametrize("name", sorted(FLAGGED))
def test_mistake_is_reported(name: str) -> None:
    body, code = FLAGGED[name]
    assert code in codes(body), codes(body)


@pytest.mark.parametrize("name", sorted(SILENT))
def test_correct_or_uncertain_program_is_silent(name: str) -> None:
    assert codes(SILENT[name]) == []


def test_dataset_message_names_the_loader() -> None:
    body = 'train_ds = keras.utils.image_dataset_from_directory("data")\n' + SOFTMAX_CCE + "model.fit(train_ds)\n"
    (diagnostic,) = [d for d in lint_text("t.py", TF + body).diagnostics if d.code == "KL202"]
    assert "`train_ds`, integer labels from `image_dataset_from_directory` at line 4" in diagnostic.message


def test_recursive_helpers_end_silently() -> None:
    body = (
        MNIST
        + "def a(y):\n    return b(y)\ndef b(y):\n    return a(y)\n"
        + SOFTMAX_CCE
        + "model.fit(x_train, a(y_train))\n"
    )
    assert codes(body) == []


def test_hostile_target_chains_end_silently_in_bounded_time() -> None:
    import time

    chained_maps = (
        "ds = tf.data.Dataset.from_tensor_slices((x_train, y_train))\n" + "ds = ds.map(lambda a, b: (a, b))\n" * 3000
    )
    growing = "def grow(y):\n    return grow([y])\n"
    self_map = "def twice(a, b):\n    return twice(a, b)\n"
    slices = "y = y_train\n" + "y = y[:]\n" * 3000
    bodies = [
        MNIST + chained_maps + SOFTMAX_CCE + "model.fit(ds)\n",
        MNIST + growing + SOFTMAX_CCE + "model.fit(x_train, grow(y_train))\n",
        MNIST
        + self_map
        + "ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).map(twice)\n"
        + SOFTMAX_CCE
        + "model.fit(ds)\n",
        MNIST + slices + SOFTMAX_CCE + "model.fit(x_train, y)\n",
    ]
    for body in bodies:
        started = time.perf_counter()
        result = lint_text("t.py", TF + body)
        assert not result.internal_errors, result.internal_errors
        assert time.perf_counter() - started < 10
        # Followed past the depth limit: unknown, no finding.
        assert [d.code for d in result.diagnostics if d.code in ("KL201", "KL202")] == []


def test_binary_label_mode_with_categorical_loss_is_the_one_unit_mistake_only() -> None:
    body = (
        'train_ds = keras.utils.image_dataset_from_directory("d", label_mode="binary")\n'
        + model(1, "sigmoid", "categorical_crossentropy")
        + "model.fit(train_ds)\n"
    )
    assert codes(body) == ["KL103"]


# -- label sources written in the program (issue 11) -----------------------------
# Labels built in the code itself: literal one-hot rows, a helper's
# ``np.eye(C)[y]``, a label vocabulary (a dict of ids, a list of names) read
# through a comprehension, ``append`` in loops or pandas ``map``/``replace``,
# pandas category codes, scikit-learn's generated classes, and the binary
# class mode of ``flow_from_directory``. Each with a correct twin.
FLOW = (
    "from keras.preprocessing.image import ImageDataGenerator\n"
    'train = ImageDataGenerator(rescale=1 / 255).flow_from_directory("data/train"{mode})\n'
)
VOCABULARY = 'IDS = {{"negative": 0, "neutral": 1{more}}}\ntexts = ["neutral", "negative"] * 50\n'
APPENDED = (
    "labels = []\n"
    'for line in open("a.txt"):\n    labels.append(0)\n'
    'for line in open("b.txt"):\n    labels.append(1)\n'
    'for line in open("c.txt"):\n    labels.append({last})\n'
    "{extra}y = np.array(labels)\n"
)
EYE_HELPER = "def convert_to_one_hot(Y, C{default}):\n    return np.eye(C)[Y.reshape(-1)]\n"
FRAME = 'import pandas as pd\ndf = pd.read_csv("data.csv")\n'
GENERATED = "from sklearn.datasets import make_classification\nX, y = make_classification(n_samples=500{extra})\n"
LOADER = (
    'NAMES = ["add", "sub", "mul"{more}]\n'
    "def load_data(rows):\n"
    '    y = np.array([NAMES.index(r["op"]) for r in rows])\n'
    "    cut = int(0.8 * len(rows))\n"
    "    return (rows[:cut], y[:cut]), (rows[cut:], y[cut:])\n"
    '(x_train, y_train), (x_test, y_test) = load_data([{{"op": "add"}}])\n'
)

SOURCES_FLAGGED = {
    "literal one-hot rows with the sparse loss": (
        "y = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 1]])\n"
        + model(3, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(np.zeros((3, 4)), y)\n",
        "KL201",
    ),
    "literal one-hot rows nested deeper": (
        "out = np.array([[[1, 0]]])\n"
        + model(2, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(np.array([[[2, 3]]]), out)\n",
        "KL201",
    ),
    "literal one-hot rows narrower than the head": (
        "y = [[0, 1, 0], [1, 0, 0]]\n"
        + model(10, "softmax", "categorical_crossentropy")
        + "model.fit(np.zeros((2, 4)), y)\n",
        "KL204",
    ),
    "np.eye in a helper, class count from the call": (
        MNIST
        + EYE_HELPER.format(default="")
        + "y = convert_to_one_hot(y_train, 6)\n"
        + model(10, "softmax", "categorical_crossentropy")
        + "model.fit(x_train, y)\n",
        "KL204",
    ),
    "np.eye in a helper, class count from the default": (
        MNIST
        + EYE_HELPER.format(default="=6")
        + "y = convert_to_one_hot(y_train)\n"
        + model(10, "softmax", "categorical_crossentropy")
        + "model.fit(x_train, y)\n",
        "KL204",
    ),
    "flow_from_directory binary mode with a categorical loss": (
        FLOW.format(mode=', class_mode="binary"')
        + model(12, "softmax", "categorical_crossentropy")
        + "model.fit(train)\n",
        "KL202",
    ),
    "category codes with a categorical loss": (
        FRAME
        + 'y = df["tissue"].astype("category").cat.codes.to_numpy()\n'
        + model(5, "softmax", "categorical_crossentropy")
        + "model.fit(np.zeros((9, 4)), y)\n",
        "KL202",
    ),
    "pd.Categorical codes with a categorical loss": (
        FRAME
        + 'y = pd.Categorical(df["tissue"]).codes\n'
        + model(5, "softmax", "categorical_crossentropy")
        + "model.fit(np.zeros((9, 4)), y)\n",
        "KL202",
    ),
    "replace with a dict of ids, categorical loss": (
        FRAME
        + 'y = df.species.replace({"setosa": 0, "versicolor": 1, "virginica": 2})\n'
        + model(3, "softmax", "categorical_crossentropy")
        + "model.fit(np.zeros((9, 4)), y)\n",
        "KL202",
    ),
    "replace with a dict of three ids, binary loss": (
        FRAME
        + 'y = df.species.replace({"setosa": 0, "versicolor": 1, "virginica": 2})\n'
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(np.zeros((9, 4)), y)\n",
        "KL205",
    ),
    "map with a dict of three ids, binary loss": (
        FRAME
        + 'y = df["label"].map({"a": 0, "b": 1, "c": 2}).values\n'
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(np.zeros((9, 4)), y)\n",
        "KL205",
    ),
    "dict of ids in a comprehension, binary loss": (
        VOCABULARY.format(more=', "positive": 2')
        + "y = np.array([IDS[t] for t in texts])\n"
        + "y_train = y[:-20]\n"
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(np.zeros((80, 4)), y_train)\n",
        "KL205",
    ),
    "dict of ids, some rows unpacked from a tuple": (
        VOCABULARY.format(more=', "positive": 2')
        + "y = np.array([IDS[t] for t in texts])\n"
        + "x_tr, y_tr = np.zeros((80, 4)), y[:-20]\n"
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(x_tr, y_tr)\n",
        "KL205",
    ),
    "index into a list of names, in a loader function": (
        LOADER.format(more=', "div"')
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(x_train, y_train, validation_data=(x_test, y_test))\n",
        "KL205",
    ),
    "labels appended in loops, binary loss": (
        APPENDED.format(last=2, extra="") + model(1, "sigmoid", "binary_crossentropy") + "model.fit(X, y)\n",
        "KL205",
    ),
    "labels appended from a dict of ids": (
        VOCABULARY.format(more=', "positive": 2')
        + "labels = []\nfor t in texts:\n    labels.append(IDS[t])\n"
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(np.zeros((100, 4)), np.array(labels))\n",
        "KL205",
    ),
    "make_classification with three classes, binary loss": (
        GENERATED.format(extra=", n_classes=3, n_informative=4")
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(X, y)\n",
        "KL205",
    ),
    "make_classification with three classes, ten units": (
        GENERATED.format(extra=", n_classes=3, n_informative=4")
        + model(10, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(X, y)\n",
        "KL204",
    ),
    "make_classification integer labels with a categorical loss": (
        GENERATED.format(extra="") + model(2, "softmax", "categorical_crossentropy") + "model.fit(X, y)\n",
        "KL202",
    ),
}

SOURCES_SILENT = {
    "literal one-hot rows with the categorical loss": (
        "y = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 1]])\n"
        + model(3, "softmax", "categorical_crossentropy")
        + "model.fit(np.zeros((3, 4)), y)\n"
    ),
    "literal soft labels are not one-hot": (
        "y = np.array([[0.5, 0.5], [1, 0]])\n"
        + model(2, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(np.zeros((2, 4)), y)\n"
    ),
    "literal multi-hot rows are not one-hot": (
        "y = np.array([[1, 1, 0], [0, 1, 1]])\n"
        + model(10, "softmax", "categorical_crossentropy")
        + "model.fit(np.zeros((2, 4)), y)\n"
    ),
    "np.eye in a helper matching the head": (
        MNIST
        + EYE_HELPER.format(default="")
        + "y = convert_to_one_hot(y_train, 6)\n"
        + model(6, "softmax", "categorical_crossentropy")
        + "model.fit(x_train, y)\n"
    ),
    "np.eye in a helper with an unknown class count": (
        MNIST
        + "import sys\n"
        + EYE_HELPER.format(default="")
        + "y = convert_to_one_hot(y_train, int(sys.argv[1]))\n"
        + model(10, "softmax", "categorical_crossentropy")
        + "model.fit(x_train, y)\n"
    ),
    "flow_from_directory default mode with a categorical loss": (
        FLOW.format(mode="") + model(12, "softmax", "categorical_crossentropy") + "model.fit(train)\n"
    ),
    "flow_from_directory binary mode with a binary loss": (
        FLOW.format(mode=', class_mode="binary"') + model(1, "sigmoid", "binary_crossentropy") + "model.fit(train)\n"
    ),
    "flow_from_directory binary mode with the sparse loss": (
        FLOW.format(mode=', class_mode="binary"')
        + model(12, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(train)\n"
    ),
    "category codes with the sparse loss": (
        FRAME
        + 'y = df["tissue"].astype("category").cat.codes.to_numpy()\n'
        + model(5, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(np.zeros((9, 4)), y)\n"
    ),
    "codes of something not known to be categorical": (
        FRAME
        + 'y = df["tissue"].cat.codes\n'
        + model(5, "softmax", "categorical_crossentropy")
        + "model.fit(np.zeros((9, 4)), y)\n"
    ),
    "replace with a dict of ids, sparse loss": (
        FRAME
        + 'y = df.species.replace({"setosa": 0, "versicolor": 1, "virginica": 2})\n'
        + model(3, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(np.zeros((9, 4)), y)\n"
    ),
    "replace of some numbers leaves the others": (
        FRAME
        + 'y = df["grade"].replace({9: 1, 8: 1})\n'
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(np.zeros((9, 4)), y)\n"
    ),
    "map with a dict of two ids, binary loss": (
        FRAME
        + 'y = df["label"].map({"neg": 0, "pos": 1}).values\n'
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(np.zeros((9, 4)), y)\n"
    ),
    "dict of two ids in a comprehension, binary loss": (
        VOCABULARY.format(more="")
        + "y = np.array([IDS[t] for t in texts])\n"
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(np.zeros((100, 4)), y)\n"
    ),
    "dict of ids changed before use": (
        VOCABULARY.format(more=', "positive": 2')
        + 'IDS["positive"] = 1\n'
        + "y = np.array([IDS[t] for t in texts])\n"
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(np.zeros((100, 4)), y)\n"
    ),
    "comprehension variable shadows the dict": (
        VOCABULARY.format(more=', "positive": 2')
        + "y = np.array([IDS[t] for IDS in [{'a': 0}] for t in texts])\n"
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(np.zeros((100, 4)), y)\n"
    ),
    "index into a list of two names, in a loader function": (
        'NAMES = ["add", "sub"]\n'
        "def load_data(rows):\n"
        '    y = np.array([NAMES.index(r["op"]) for r in rows])\n'
        "    return rows, y\n"
        'x_train, y_train = load_data([{"op": "add"}])\n'
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(x_train, y_train)\n"
    ),
    "index into a list of names, sparse loss": (
        LOADER.format(more=', "div"')
        + model(4, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(x_train, y_train)\n"
    ),
    "labels appended 0 and 1 only": (
        APPENDED.format(last=1, extra="") + model(1, "sigmoid", "binary_crossentropy") + "model.fit(X, y)\n"
    ),
    "labels appended with values not known": (
        APPENDED.format(last="int(line)", extra="") + model(1, "sigmoid", "binary_crossentropy") + "model.fit(X, y)\n"
    ),
    "labels changed another way after the appends": (
        APPENDED.format(last=2, extra="labels[-1] = 0\n")
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(X, y)\n"
    ),
    "labels extended with a list not known": (
        APPENDED.format(last=1, extra="labels.extend(more_labels)\n")
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(X, y)\n"
    ),
    "make_classification default two classes, binary loss": (
        GENERATED.format(extra="") + model(1, "sigmoid", "binary_crossentropy") + "model.fit(X, y)\n"
    ),
    "make_classification matching head": (
        GENERATED.format(extra=", n_classes=3, n_informative=4")
        + model(3, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(X, y)\n"
    ),
    "make_classification with a class count not known": (
        "import sys\n"
        + GENERATED.format(extra=", n_classes=int(sys.argv[1]), n_informative=4")
        + model(10, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(X, y)\n"
    ),
    "make_classification arguments by position": (
        GENERATED.format(extra=", 20, 4, 2, 0, 3") + model(1, "sigmoid", "binary_crossentropy") + "model.fit(X, y)\n"
    ),
}


@pytest.mark.parametrize("name", sorted(SOURCES_FLAGGED))
def test_label_source_mistake_is_reported(name: str) -> None:
    body, code = SOURCES_FLAGGED[name]
    assert code in codes(body), codes(body)


@pytest.mark.parametrize("name", sorted(SOURCES_SILENT))
def test_label_source_correct_or_uncertain_is_silent(name: str) -> None:
    assert codes(SOURCES_SILENT[name]) == []


def test_binary_class_mode_on_one_unit_with_categorical_loss_is_the_one_unit_mistake_only() -> None:
    # flow_from_directory(class_mode="binary") gives class indices; on a
    # 1-unit output the mistake is the loss (KL103), and advice to use the
    # sparse loss there would be wrong.
    body = FLOW.format(mode=', class_mode="binary"') + model(1, "sigmoid", "categorical_crossentropy")
    assert codes(body + "model.fit(train)\n") == ["KL103"]


# -- a DataFrame column assigned, then rows filtered on it ----------------------------
COLUMN = (
    'IDS = {{"cat": 0, "both": 1, "dog": 2}}\n'
    + FRAME
    + 'df["class"] = df["animal"].map(IDS)\n'
    + "{between}"
    + "kept = df[{mask}]\n"
    + 'labels = kept["class"].values\n'
)

COLUMN_FLAGGED = {
    "middle class dropped, two units": (
        COLUMN.format(between="", mask='df["class"] != 1')
        + model(2, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(np.zeros((9, 4)), labels)\n",
        "KL204",
    ),
    "rows kept by a comparison, binary loss": (
        COLUMN.format(between="", mask='df["class"] >= 1')
        + model(1, "sigmoid", "binary_crossentropy")
        + "model.fit(np.zeros((9, 4)), labels)\n",
        "KL205",
    ),
    "another column taken under a name first": (
        COLUMN.format(between="", mask='df["class"] != 1').replace(
            "labels = ", 'texts = kept["text"].values\nlabels = '
        )
        + model(2, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(np.zeros((9, 4)), labels)\n",
        "KL204",
    ),
    "category codes assigned to a column": (
        FRAME
        + 'df["y"] = df["tissue"].astype("category").cat.codes\n'
        + model(5, "softmax", "categorical_crossentropy")
        + 'model.fit(np.zeros((9, 4)), df["y"])\n',
        "KL202",
    ),
}

COLUMN_SILENT = {
    "last class dropped, two units": (
        COLUMN.format(between="", mask='df["class"] != 2')
        + model(2, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(np.zeros((9, 4)), labels)\n"
    ),
    "rows filtered on another column": (
        COLUMN.format(between="", mask='df["animal"] != "dog"')
        + model(2, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(np.zeros((9, 4)), labels)\n"
    ),
    "column rewritten in a branch": (
        COLUMN.format(between='if len(df) > 10:\n    df["class"] = 0\n', mask='df["class"] != 1')
        + model(2, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(np.zeros((9, 4)), labels)\n"
    ),
    "frame changed by a method": (
        COLUMN.format(between='df.replace({"class": {2: 1}}, inplace=True)\n', mask='df["class"] != 1')
        + model(2, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(np.zeros((9, 4)), labels)\n"
    ),
    "column written under a name not known": (
        COLUMN.format(between="df[column_name] = 0\n", mask='df["class"] != 1')
        + model(2, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(np.zeros((9, 4)), labels)\n"
    ),
    "column changed through an alias": (
        COLUMN.format(between='view = df["class"]\nview[view == 2] = 1\n', mask='df["class"] != 1')
        + model(2, "softmax", "sparse_categorical_crossentropy")
        + "model.fit(np.zeros((9, 4)), labels)\n"
    ),
    "column read from the file": (
        FRAME
        + 'kept = df[df["class"] != 1]\n'
        + model(2, "softmax", "sparse_categorical_crossentropy")
        + 'model.fit(np.zeros((9, 4)), kept["class"])\n'
    ),
}


@pytest.mark.parametrize("name", sorted(COLUMN_FLAGGED))
def test_column_mistake_is_reported(name: str) -> None:
    body, code = COLUMN_FLAGGED[name]
    assert code in codes(body), codes(body)


@pytest.mark.parametrize("name", sorted(COLUMN_SILENT))
def test_column_correct_or_uncertain_is_silent(name: str) -> None:
    assert codes(COLUMN_SILENT[name]) == []


# -- regression targets drawn around zero, on an output that cannot go negative -------
FILLED = (
    "rng = np.random.default_rng(123)\n"
    "inputs = np.empty((100, 30))\n"
    "target = np.empty(100)\n"
    "for i in range(100):\n"
    "    row = {draw}\n"
    "    inputs[i] = row\n"
    "    target[i] = row[1]\n"
    "{after}"
)
CENTRED_FLAGGED = {
    "targets filled in a loop from uniform draws in [-1, 1)": (
        FILLED.format(draw="rng.random(30) * 2 - 1", after="")
        + model(1, "sigmoid", "mse")
        + "model.fit(inputs, target)\n",
        "KL111",
    ),
    "targets filled from normal draws": (
        FILLED.format(draw="rng.standard_normal(30)", after="")
        + model(1, "sigmoid", "mse")
        + "model.fit(inputs, target)\n",
        "KL111",
    ),
    "targets drawn from randn": (
        "y = np.random.randn(500)\n" + model(1, "sigmoid", "mse") + "model.fit(np.zeros((500, 3)), y)\n",
        "KL111",
    ),
    "targets drawn from a symmetric uniform": (
        "y = np.random.uniform(-1, 1, size=500) * 3\n"
        + model(1, "sigmoid", "mse")
        + "model.fit(np.zeros((500, 3)), y)\n",
        "KL111",
    ),
    "standardised targets on a sigmoid": (
        "from sklearn.preprocessing import StandardScaler\n"
        "y = StandardScaler().fit_transform(prices.reshape(-1, 1))\n"
        + model(1, "sigmoid", "mse")
        + "model.fit(np.zeros((500, 3)), y)\n",
        "KL111",
    ),
}
CENTRED_SILENT = {
    "targets filled from draws in [0, 1)": (
        FILLED.format(draw="rng.random(30)", after="") + model(1, "sigmoid", "mse") + "model.fit(inputs, target)\n"
    ),
    "targets around zero on a tanh output": (
        FILLED.format(draw="rng.random(30) * 2 - 1", after="") + model(1, "tanh", "mse") + "model.fit(inputs, target)\n"
    ),
    "targets around zero on a linear output": (
        FILLED.format(draw="rng.random(30) * 2 - 1", after="")
        + model(1, "linear", "mse")
        + "model.fit(inputs, target)\n"
    ),
    "targets changed after the loop": (
        FILLED.format(draw="rng.random(30) * 2 - 1", after="target = np.abs(target)\n")
        + model(1, "sigmoid", "mse")
        + "model.fit(inputs, target)\n"
    ),
    "targets passed to a function after the loop": (
        FILLED.format(draw="rng.random(30) * 2 - 1", after="rescale_in_place(target)\n")
        + model(1, "sigmoid", "mse")
        + "model.fit(inputs, target)\n"
    ),
    "one write not around zero": (
        FILLED.format(draw="rng.random(30) * 2 - 1", after="target[0] = 5.0\n")
        + model(1, "sigmoid", "mse")
        + "model.fit(inputs, target)\n"
    ),
    "uniform draws not symmetric": (
        "y = np.random.uniform(-1, 2, size=500)\n" + model(1, "sigmoid", "mse") + "model.fit(np.zeros((500, 3)), y)\n"
    ),
    "normal draws around three": (
        "y = np.random.normal(3, 1, 500)\n" + model(1, "sigmoid", "mse") + "model.fit(np.zeros((500, 3)), y)\n"
    ),
    "a generator whose kind is not known": (
        FILLED.format(draw="rng.random(30) * 2 - 1", after="").replace("np.random.default_rng(123)", "make_rng()")
        + model(1, "sigmoid", "mse")
        + "model.fit(inputs, target)\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CENTRED_FLAGGED))
def test_centred_targets_on_a_non_negative_output_are_reported(name: str) -> None:
    body, code = CENTRED_FLAGGED[name]
    assert code in codes(body), codes(body)


@pytest.mark.parametrize("name", sorted(CENTRED_SILENT))
def test_centred_targets_twins_are_silent(name: str) -> None:
    assert codes(CENTRED_SILENT[name]) == []
