"""What Keras accepts as an activation, and what each activation can output.

Every table here is checked against real Keras 3 by ``tests/test_keras_facts.py``.
"""

from __future__ import annotations

from typing import Final

SOFTMAX: Final = "softmax"
SIGMOID: Final = "sigmoid"
LINEAR: Final = "linear"

# keras/src/activations/__init__.py: ``ALL_OBJECTS`` functions, keyed by
# ``fn.__name__`` in ``ALL_OBJECTS_DICT``, which ``activations.get`` reads
# (case-sensitive: "Softmax" is rejected).
KERAS3_ACTIVATIONS: Final[frozenset[str]] = frozenset(
    {
        "relu",
        "leaky_relu",
        "relu6",
        "softmax",
        "celu",
        "elu",
        "selu",
        "softplus",
        "softsign",
        "squareplus",
        "soft_shrink",
        "sparse_plus",
        "silu",
        "gelu",
        "glu",
        "tanh",
        "tanh_shrink",
        "threshold",
        "sigmoid",
        "sparse_sigmoid",
        "exponential",
        "hard_sigmoid",
        "hard_silu",
        "hard_tanh",
        "hard_shrink",
        "linear",
        "mish",
        "log_softmax",
        "log_sigmoid",
        "sparsemax",
    }
)

# keras/src/activations/__init__.py, "# Additional aliases".
KERAS3_ACTIVATION_ALIASES: Final[dict[str, str]] = {
    "swish": "silu",
    "hard_swish": "hard_silu",
}

# tf.keras 2.x names Keras 3 dropped: the advanced activation *layer classes*.
# From TF 2.5 to keras 2.15 ``activations.deserialize`` also looks strings up
# among them and returns a default-configured layer, so
# ``Dense(3, activation="LeakyReLU")`` trains there (not in TF 2.0-2.4):
# tensorflow/tensorflow v2.5.0, tensorflow/python/keras/activations.py
#   merges ``advanced_activations.get_globals()`` into the lookup;
# keras-team/keras v2.15.0, keras/activations.py ``deserialize``:
#   populate_dict_with_module_objects(..., (activation_layers, current_module))
# where keras/layers/activation/__init__.py imports
#   Softmax, LeakyReLU, ReLU, PReLU, ELU, ThresholdedReLU
# The value is the activation the default layer applies (None: none of ours).
KERAS2_ONLY_ACTIVATIONS: Final[dict[str, str | None]] = {
    "Softmax": "softmax",
    "LeakyReLU": "leaky_relu",
    "ReLU": "relu",
    "PReLU": None,
    "ELU": "elu",
    "ThresholdedReLU": None,
}

# Activation names Keras 3 accepts that no Keras 2 does. Keras 2's lookup
# is the globals of keras-team/keras v2.15.0 keras/activations.py: the
# functions softmax, elu, selu, softplus, softsign, swish, relu, gelu, tanh,
# sigmoid, exponential, hard_sigmoid, linear, mish, the module-level
# ``leaky_relu``, ``log_softmax``, ``relu6`` and ``silu``, and the layer
# class names above. The rest of Keras 3's (keras/src/activations/__init__.py
# ``ALL_OBJECTS``) raise ``Unknown activation function`` under tf.keras 2.x.
KERAS2_ACTIVATION_FUNCTIONS: Final[frozenset[str]] = frozenset(
    {
        "softmax", "elu", "selu", "softplus", "softsign", "swish", "relu", "gelu", "tanh", "sigmoid",
        "exponential", "hard_sigmoid", "linear", "mish", "leaky_relu", "log_softmax", "relu6", "silu",
    }
)  # fmt: skip
KERAS3_ONLY_ACTIVATIONS: Final[frozenset[str]] = frozenset(
    (KERAS3_ACTIVATIONS | set(KERAS3_ACTIVATION_ALIASES)) - KERAS2_ACTIVATION_FUNCTIONS
)

# Outputs that are already probabilities: a loss with ``from_logits=True``
# on them squashes twice.
PROBABILITY_ACTIVATIONS: Final[frozenset[str]] = frozenset({"softmax", "sigmoid", "hard_sigmoid"})

# Activations whose output is never negative for any input (checked on a
# grid of inputs with real Keras in tests/test_keras_facts.py): hinge losses
# need an output that can go negative.
NON_NEGATIVE_ACTIVATIONS: Final[frozenset[str]] = frozenset(
    {
        "sigmoid",
        "hard_sigmoid",
        "sparse_sigmoid",
        "softmax",
        "sparsemax",
        "relu",
        "relu6",
        "softplus",
        "squareplus",
        "sparse_plus",
        "exponential",
    }
)

# Outputs bounded in [-1, 1] or [0, 1]: they cannot regress large values.
BOUNDED_ACTIVATIONS: Final[frozenset[str]] = frozenset({"sigmoid", "hard_sigmoid", "tanh", "softsign", "hard_tanh"})
# Outputs that are negative for half their inputs: a log loss clips them.
SIGNED_BOUNDED_ACTIVATIONS: Final[frozenset[str]] = frozenset({"tanh", "softsign", "hard_tanh"})

# Outputs that are not squashed into [0, 1] and can leave it on both sides
# or above: a probability loss clips them and gets no gradient there.
# tanh/softsign/hard_tanh are bounded in (-1, 1) and left alone on purpose.
UNSQUASHED_ACTIVATIONS: Final[frozenset[str]] = frozenset(
    {
        "linear",
        "relu",
        "leaky_relu",
        "celu",
        "elu",
        "selu",
        "softplus",
        "gelu",
        "silu",
        "exponential",
        "mish",
    }
)

# ``tf.nn``/``tf.math`` functions that are the same activation (TensorFlow
# API: tf.nn.softmax, tf.nn.sigmoid, tf.math.sigmoid, tf.sigmoid, tf.tanh, ...).
TF_FUNCTION_ACTIVATIONS: Final[dict[str, str]] = {
    "tensorflow.nn.softmax": "softmax",
    "tensorflow.math.softmax": "softmax",
    "tensorflow.nn.sigmoid": "sigmoid",
    "tensorflow.math.sigmoid": "sigmoid",
    "tensorflow.sigmoid": "sigmoid",
    "tensorflow.nn.tanh": "tanh",
    "tensorflow.math.tanh": "tanh",
    "tensorflow.tanh": "tanh",
    "tensorflow.nn.relu": "relu",
    "tensorflow.nn.relu6": "relu6",
    "tensorflow.nn.elu": "elu",
    "tensorflow.nn.selu": "selu",
    "tensorflow.nn.softplus": "softplus",
    "tensorflow.math.softplus": "softplus",
    "tensorflow.nn.softsign": "softsign",
    "tensorflow.nn.gelu": "gelu",
    "tensorflow.nn.silu": "silu",
    "tensorflow.nn.swish": "silu",
    "tensorflow.nn.leaky_relu": "leaky_relu",
    "tensorflow.nn.log_softmax": "log_softmax",
    "tensorflow.math.log_softmax": "log_softmax",
}


def canonical_activation(name: str) -> str | None:
    """The canonical activation for a string Keras accepts, else None."""
    if name in KERAS3_ACTIVATIONS:
        return name
    return KERAS3_ACTIVATION_ALIASES.get(name) or KERAS2_ONLY_ACTIVATIONS.get(name)


def is_accepted_activation(name: str) -> bool:
    """True when Keras 3 or tf.keras 2.x accepts ``activation=name``."""
    return name in KERAS3_ACTIVATIONS or name in KERAS3_ACTIVATION_ALIASES or name in KERAS2_ONLY_ACTIVATIONS


def is_keras2_only_activation(name: str) -> bool:
    return name in KERAS2_ONLY_ACTIVATIONS


def is_keras3_only_activation(name: str) -> bool:
    return name in KERAS3_ONLY_ACTIVATIONS


def accepted_activation_strings() -> list[str]:
    """Every string keraslint treats as a valid activation, sorted."""
    return sorted(KERAS3_ACTIVATIONS | set(KERAS3_ACTIVATION_ALIASES) | set(KERAS2_ONLY_ACTIVATIONS))
