"""Values that reach a model through a call: a subclass's constructor
arguments and ``__init__`` defaults, a layer returned by a builder function,
a helper that compiles and trains the model it is given, and a loss object
applied to a model's output in a custom training loop."""

from __future__ import annotations

from keraslint.checker import lint_text

PRELUDE = """\
from tensorflow import keras
from tensorflow.keras import layers

"""


def codes(body: str) -> list[tuple[int, str]]:
    result = lint_text("m.py", PRELUDE + body)
    assert not result.internal_errors
    return [(d.span.start.line, d.code) for d in result.diagnostics]


NET = """\
class Net(keras.Model):
    def __init__(self, num_classes=10, activation="softmax"):
        super().__init__()
        self.hidden = layers.Dense(32, activation="relu")
        self.head = layers.Dense(num_classes, activation=activation)

    def call(self, inputs):
        return self.head(self.hidden(inputs))

"""


def test_subclass_constructor_argument_sets_the_head() -> None:
    # Dense(num_classes) with num_classes=1 from the call: KL101 at the head.
    found = codes(NET + 'model = Net(1)\nmodel.compile(optimizer="adam", loss="binary_crossentropy")\n')
    assert (8, "KL101") in found
    found = codes(NET + 'model = Net(num_classes=1)\nmodel.compile(optimizer="adam", loss="binary_crossentropy")\n')
    assert (8, "KL101") in found


def test_subclass_init_default_sets_the_head() -> None:
    found = codes(NET + 'model = Net()\nmodel.compile(optimizer="adam", loss="binary_crossentropy")\n')
    assert [code for _, code in found] == ["KL102"]


def test_each_instance_has_its_own_head() -> None:
    body = (
        NET
        + 'binary = Net(1, activation="sigmoid")\nbinary.compile(optimizer="adam", loss="binary_crossentropy")\n'
        + 'digits = Net()\ndigits.compile(optimizer="adam", loss="categorical_crossentropy")\n'
    )
    assert codes(body) == []


def test_subclass_argument_not_known_is_silent() -> None:
    body = (
        NET
        + "import sys\nn = int(sys.argv[1])\n"
        + 'model = Net(n)\nmodel.compile(optimizer="adam", loss="binary_crossentropy")\n'
    )
    assert codes(body) == []
    # ``**kwargs`` in the signature: the call does not map plainly.
    kwargs = NET.replace('activation="softmax"):', 'activation="softmax", **kwargs):')
    assert codes(kwargs + 'model = Net(1)\nmodel.compile(optimizer="adam", loss="binary_crossentropy")\n') == []


def test_subclass_init_reassigning_its_parameter_is_read_after() -> None:
    body = NET.replace("        super().__init__()\n", "        super().__init__()\n        num_classes = 3\n")
    found = codes(body + 'model = Net(1)\nmodel.compile(optimizer="adam", loss="binary_crossentropy")\n')
    assert [code for _, code in found] == ["KL102"]


NESTED = """\
def head(units, activation):
    return layers.Dense(units, activation=activation)


def build_model(n_outputs, activation):
    return keras.Sequential([layers.Dense(16, activation="relu"), head(n_outputs, activation)])

"""


def test_a_layer_returned_by_a_builder_called_by_a_builder() -> None:
    found = codes(NESTED + 'model = build_model(1, "softmax")\nmodel.compile(optimizer="adam", loss="bce")\n')
    assert (5, "KL101") in found
    assert codes(NESTED + 'model = build_model(1, "sigmoid")\nmodel.compile(optimizer="adam", loss="bce")\n') == []


def test_a_sub_model_returned_by_a_builder_is_a_layer() -> None:
    body = (
        "def trunk():\n    return keras.Sequential([layers.Dense(64, activation='relu')])\n\n"
        "def classifier():\n    return keras.Sequential([layers.Dense(10, activation='sigmoid')])\n\n"
        "model = keras.Sequential([trunk(), classifier()])\n"
        'model.compile(optimizer="adam", loss="categorical_crossentropy")\n'
    )
    assert [code for _, code in codes(body)] == ["KL107"]


def test_a_builder_returning_under_a_branch_is_not_followed() -> None:
    body = (
        "import random\n\n"
        "def head(units):\n    if random.random() > 0.5:\n        return layers.Dense(units, activation='sigmoid')\n"
        "    return layers.Dense(units, activation='softmax')\n\n"
        "model = keras.Sequential([layers.Dense(8), head(1)])\n"
        'model.compile(optimizer="adam", loss="binary_crossentropy")\n'
    )
    assert codes(body) == []


def test_builders_calling_each_other_end_unknown() -> None:
    body = (
        "def a(units):\n    return b(units)\n\n"
        "def b(units):\n    return a(units)\n\n"
        "model = keras.Sequential([layers.Dense(8), a(1)])\n"
        'model.compile(optimizer="adam", loss="binary_crossentropy")\n'
    )
    assert codes(body) == []


HELPER = """\
def train(model, loss, x, y, epochs=5):
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    model.fit(x, y, epochs=epochs)
    return model


(x_train, y_train), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")])
"""


def test_a_helper_compiles_the_model_it_is_given_with_the_call_arguments() -> None:
    found = codes(HELPER + 'train(model, "categorical_crossentropy", x_train, y_train)\n')
    # Integer MNIST labels with categorical crossentropy: KL202, at the call's loss.
    assert [(line, code) for line, code in found] == [(12, "KL202")]
    found = codes(
        HELPER + "train(model, keras.losses.SparseCategoricalCrossentropy(from_logits=True), x_train, y_train)\n"
    )
    assert [code for _, code in found] == ["KL105"]
    assert codes(HELPER + 'train(model, "sparse_categorical_crossentropy", x_train, y_train)\n') == []


def test_a_helper_parameter_rebound_before_compile_is_read_in_the_helper() -> None:
    rebound = HELPER.replace("    model.compile(", '    loss = "sparse_categorical_crossentropy"\n    model.compile(')
    assert codes(rebound + 'train(model, "categorical_crossentropy", x_train, y_train)\n') == []


def test_a_helper_given_the_model_twice_or_with_unknown_keywords_is_not_followed() -> None:
    twice = HELPER.replace(
        "def train(model, loss, x, y, epochs=5):", "def train(model, loss, x, y, epochs=5, other=None):"
    )
    assert codes(twice + 'train(model, "categorical_crossentropy", x_train, y_train, other=model)\n') == []
    assert codes(HELPER + 'train(model, "categorical_crossentropy", x_train, y_train, verbose=0)\n') == []


def test_each_model_passed_to_a_helper_is_compiled_with_its_own_call() -> None:
    body = HELPER + (
        'train(model, "sparse_categorical_crossentropy", x_train, y_train)\n'
        "other = keras.Sequential([layers.Dense(1, activation='sigmoid')])\n"
        'train(other, "binary_crossentropy", x_train, y_train == 0)\n'
    )
    assert codes(body) == []


LOOP = """\
import tensorflow as tf

(x_train, y_train), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")])
"""


def test_a_loss_object_applied_to_the_model_output_in_a_train_step() -> None:
    body = LOOP + (
        "loss_object = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\n"
        "@tf.function\n"
        "def train_step(images, labels):\n"
        "    with tf.GradientTape() as tape:\n"
        "        predictions = model(images, training=True)\n"
        "        loss = loss_object(labels, predictions)\n"
        "    return loss\n"
    )
    # Reported at the loss object, where ``from_logits=True`` is written.
    assert codes(body) == [(8, "KL105")]
    assert codes(body.replace("from_logits=True", "from_logits=False")) == []


def test_a_loss_function_with_from_logits_at_the_call() -> None:
    call = "loss = keras.losses.sparse_categorical_crossentropy(y_train, model(x_train), from_logits={})\n"
    assert [code for _, code in codes(LOOP + call.format("True"))] == ["KL105"]
    assert codes(LOOP + call.format("False")) == []


def test_targets_given_to_the_loss_are_read() -> None:
    # Integer MNIST labels with categorical crossentropy: KL202.
    body = LOOP + "loss = keras.losses.categorical_crossentropy(y_train, model(x_train))\n"
    assert [code for _, code in codes(body)] == ["KL202"]


def test_loops_not_certain_to_pair_the_loss_and_model_stay_silent() -> None:
    loss = "loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n"
    # The model is a parameter of the step.
    param = "def step(model, x, y):\n    return loss_fn(y, model(x))\n"
    assert codes(LOOP + loss + param) == []
    # The prediction is bound under a branch.
    branch = (
        "import random\npreds = tf.zeros((1, 10))\n"
        "if random.random() > 0.5:\n    preds = model(x_train)\n"
        "value = loss_fn(y_train, preds)\n"
    )
    assert codes(LOOP + loss + branch) == []
    # A user function of the same shape is no Keras loss.
    own = "def loss_fn(y, p):\n    return tf.reduce_mean(p - y)\n\nvalue = loss_fn(y_train, model(x_train))\n"
    assert codes(LOOP + own) == []


CUSTOM = """\
import tensorflow as tf


class CustomModel(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = LOSS
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


inputs = keras.Input(shape=(8,))
outputs = layers.Dense(10, activation="softmax")(layers.Dense(16, activation="relu")(inputs))
model = CustomModel(inputs, outputs)
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
"""


def test_a_functional_subclass_training_with_the_compiled_loss() -> None:
    body = CUSTOM.replace("LOSS", "self.compiled_loss(y, y_pred, regularization_losses=self.losses)")
    assert codes(body) == [(21, "KL105")]
    body = CUSTOM.replace("LOSS", "self.compute_loss(y=y, y_pred=y_pred)")
    assert codes(body) == [(21, "KL105")]


def test_a_functional_subclass_computing_its_own_loss_is_not_read() -> None:
    body = CUSTOM.replace("LOSS", "tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(y, y_pred))")
    assert codes(body) == []
    # A call of its own: not the functional graph.
    own_call = CUSTOM.replace(
        "    def train_step(self, data):", "    def call(self, x):\n        return x\n\n    def train_step(self, data):"
    )
    assert codes(own_call.replace("LOSS", "self.compiled_loss(y, y_pred)")) == []


OWN_STEP = """\
import tensorflow as tf


class DepthNet(keras.Model):
    def __init__(self):
        super().__init__()
        self.head = layers.Conv2D(1, 1, padding="same", activation="tanh")

    def call(self, x):
        return self.head(x)

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            loss = STEP_LOSS
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


model = DepthNet()
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(images, depths, epochs=5)
"""


def _compile_line(body: str) -> int:
    lines = (PRELUDE + body).splitlines()
    return next(number for number, line in enumerate(lines, 1) if "model.compile" in line)


def test_a_subclass_with_call_and_its_own_train_step_ignores_the_compiled_loss() -> None:
    # The step computes its own loss: the compiled one (sparse crossentropy
    # on one unit) never trains the model, so nothing is reported.
    own = OWN_STEP.replace("STEP_LOSS", "tf.reduce_mean(tf.abs(y - self(x, training=True)))")
    assert codes(own) == []
    # The same model trained by the compiled loss is a KL103 mistake: through
    # ``self.compute_loss``, ``self.compiled_loss`` or ``super().train_step``.
    for step in (
        "self.compute_loss(y=y, y_pred=self(x, training=True))",
        "self.compiled_loss(y, self(x, training=True))",
        "self.loss(y, self(x, training=True))",
    ):
        body = OWN_STEP.replace("STEP_LOSS", step)
        assert codes(body) == [(_compile_line(body), "KL103")]
    inherited = OWN_STEP.replace(
        "        x, y = data\n        with tf.GradientTape() as tape:\n            loss = STEP_LOSS\n"
        "        grads = tape.gradient(loss, self.trainable_variables)\n"
        "        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))\n"
        '        return {"loss": loss}\n',
        "        return super().train_step(data)\n",
    )
    assert "super().train_step(data)" in inherited
    assert codes(inherited) == [(_compile_line(inherited), "KL103")]
    # Without a train_step of its own, Keras's step applies the compiled loss.
    plain = OWN_STEP.split("    def train_step")[0] + "\n" + OWN_STEP.split('return {"loss": loss}\n')[1]
    assert "train_step" not in plain
    assert codes(plain) == [(_compile_line(plain), "KL103")]


def test_a_subclass_overriding_compute_loss_ignores_the_compiled_loss() -> None:
    # Keras's step calls ``self.compute_loss``; a class that overrides it
    # with a loss of its own is not trained by the compiled loss.
    head = OWN_STEP.split("    def train_step")[0]
    tail = OWN_STEP.split('return {"loss": loss}\n')[1]
    own = (
        head
        + (
            "    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):\n"
            "        return tf.reduce_mean(tf.abs(y - y_pred))\n"
        )
        + tail
    )
    assert codes(own) == []
    # Handing back to Keras's own ``compute_loss`` keeps the compiled loss.
    inherited = own.replace(
        "return tf.reduce_mean(tf.abs(y - y_pred))",
        "return super().compute_loss(x, y, y_pred, sample_weight, training) + 0.1",
    )
    assert codes(inherited) == [(_compile_line(inherited), "KL103")]


def test_hostile_call_shapes_end_unknown_without_errors() -> None:
    # A class inheriting from itself by name, built with arguments.
    selfish = (
        "class Net(Net):\n    def __init__(self, n=1):\n        self.head = layers.Dense(n, activation='softmax')\n\n"
        "    def call(self, x):\n        return self.head(x)\n\n"
        "model = Net(n=1)\nmodel.compile(loss='binary_crossentropy')\n"
    )
    assert codes(selfish) == []
    # A helper that hands the model to itself.
    recursive = (
        "def train(model, loss):\n    model.compile(loss=loss)\n    train(model, loss)\n\n"
        "model = keras.Sequential([layers.Dense(3, activation='softmax')])\n"
        "train(model, 'categorical_crossentropy')\n"
    )
    assert codes(recursive) == []
    # 2,000 builders, each returning the next one's layer.
    chain = "".join(f"def f{i}(u):\n    return f{i + 1}(u)\n\n" for i in range(2000))
    chain += "def f2000(u):\n    return layers.Dense(u, activation='softmax')\n\n"
    chain += "model = keras.Sequential([layers.Dense(8), f0(1)])\nmodel.compile(loss='binary_crossentropy')\n"
    assert codes(chain) == []


GAN = """\
import tensorflow as tf

discriminator = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Flatten(), layers.Dense(1, activation=HEAD)])
cross_entropy = keras.losses.BinaryCrossentropy(from_logits=True)


def discriminator_loss(real_output, fake_output):
    real_loss = cross_entropy(tf.ones_like(real_output), real_output)
    fake_loss = cross_entropy(tf.zeros_like(fake_output), fake_output)
    return real_loss + fake_loss


@tf.function
def train_step(images, generated):
    with tf.GradientTape() as tape:
        real = discriminator(images, training=True)
        fake = discriminator(generated, training=True)
        loss = discriminator_loss(real, fake)
    return loss
"""


def test_a_loss_helper_called_with_the_model_outputs() -> None:
    # One loss object applied twice to the discriminator's output: one finding, at the object.
    assert codes(GAN.replace("HEAD", '"sigmoid"')) == [(7, "KL105")]
    assert codes(GAN.replace("HEAD", "None")) == []
    # Called with something that is not a model's output: nothing to pair.
    other = GAN.replace("HEAD", '"sigmoid"').replace(
        "discriminator_loss(real, fake)", "discriminator_loss(images, generated)"
    )
    assert codes(other) == []


def test_a_helper_compiling_inside_a_builder_with_a_backend_activation() -> None:
    body = (
        "from tensorflow.keras.backend import sigmoid\n\n"
        "def compile_model(model, lr):\n"
        "    model.compile(loss='categorical_crossentropy', optimizer=keras.optimizers.SGD(lr))\n\n"
        "def model_fn(labels_dim):\n"
        "    model = keras.Sequential()\n"
        "    model.add(layers.Dense(16, activation='relu'))\n"
        "    model.add(layers.Dense(labels_dim, activation=sigmoid))\n"
        "    compile_model(model, 0.1)\n"
        "    return model\n\n"
        "census = model_fn(2)\n"
    )
    assert codes(body) == [(12, "KL107")]


TUNER = """\
import keras_tuner

(x_train, y_train), _ = keras.datasets.mnist.load_data()
y_onehot = keras.utils.to_categorical(y_train, 10)


def build(hp):
    model = keras.Sequential()
    model.add(layers.Dense(hp.Int("units", 32, 512, step=32), activation="relu"))
    model.add(layers.Dense(10, activation="softmax"))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


tuner = keras_tuner.RandomSearch(build, objective="val_accuracy", max_trials=5)
"""


def test_a_tuner_trains_the_hypermodel_on_the_search_arguments() -> None:
    assert codes(TUNER + "tuner.search(x_train, y_onehot, epochs=3)\n") == [(14, "KL201")]
    assert codes(TUNER + "tuner.search(x_train, y_train, epochs=3)\n") == []


def test_a_tensor_returned_by_a_helper_is_followed_in_a_functional_graph() -> None:
    body = (
        "def classifier_head(x, units, activation='softmax'):\n"
        "    x = layers.Dropout(0.2)(x)\n"
        "    return layers.Dense(units, activation=activation)(x)\n\n"
        "inputs = keras.Input(shape=(32,))\n"
        "hidden = layers.Dense(64, activation='relu')(inputs)\n"
        "model = keras.Model(inputs, classifier_head(hidden, 1))\n"
        "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    )
    assert codes(body) == [(6, "KL101")]
    assert codes(body.replace("classifier_head(hidden, 1)", "classifier_head(hidden, 1, 'sigmoid')")) == []
