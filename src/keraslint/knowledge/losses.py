"""What Keras accepts as a loss, and what each loss expects from the model.

Every table here is checked against real Keras 3 by ``tests/test_keras_facts.py``.
"""

from __future__ import annotations

from typing import Final

# Canonical loss names are the Keras 3 loss *function* names.
BINARY_CROSSENTROPY: Final = "binary_crossentropy"
BINARY_FOCAL_CROSSENTROPY: Final = "binary_focal_crossentropy"
CATEGORICAL_CROSSENTROPY: Final = "categorical_crossentropy"
CATEGORICAL_FOCAL_CROSSENTROPY: Final = "categorical_focal_crossentropy"
SPARSE_CATEGORICAL_CROSSENTROPY: Final = "sparse_categorical_crossentropy"
# ``compile(loss="crossentropy")`` picks binary/categorical/sparse at run time
# from the target and output shapes (keras/src/trainers/compile_utils.py,
# ``get_loss``); it is not a name ``keras.losses.get`` knows.
AUTO_CROSSENTROPY: Final = "crossentropy"
HINGE: Final = "hinge"
SQUARED_HINGE: Final = "squared_hinge"

# keras/src/losses/__init__.py: ``ALL_OBJECTS`` holds these functions; their
# ``__name__`` is the key ``keras.losses.get`` looks up.
KERAS3_LOSS_FUNCTIONS: Final[frozenset[str]] = frozenset(
    {
        "kl_divergence",
        "poisson",
        "binary_crossentropy",
        "binary_focal_crossentropy",
        "categorical_crossentropy",
        "categorical_focal_crossentropy",
        "sparse_categorical_crossentropy",
        "mean_squared_error",
        "mean_absolute_error",
        "mean_absolute_percentage_error",
        "mean_squared_logarithmic_error",
        "cosine_similarity",
        "log_cosh",
        "huber",
        "hinge",
        "squared_hinge",
        "categorical_hinge",
        "dice",
        "tversky",
        "circle",
        "ctc",
    }
)

# keras/src/losses/__init__.py: ``ALL_OBJECTS`` classes, keyed by
# ``cls.__name__`` in ``ALL_OBJECTS_DICT``; value is the loss they compute.
KERAS3_LOSS_CLASSES: Final[dict[str, str]] = {
    "KLDivergence": "kl_divergence",
    "Poisson": "poisson",
    "BinaryCrossentropy": BINARY_CROSSENTROPY,
    "BinaryFocalCrossentropy": BINARY_FOCAL_CROSSENTROPY,
    "CategoricalCrossentropy": CATEGORICAL_CROSSENTROPY,
    "CategoricalFocalCrossentropy": CATEGORICAL_FOCAL_CROSSENTROPY,
    "SparseCategoricalCrossentropy": SPARSE_CATEGORICAL_CROSSENTROPY,
    "MeanSquaredError": "mean_squared_error",
    "MeanAbsoluteError": "mean_absolute_error",
    "MeanAbsolutePercentageError": "mean_absolute_percentage_error",
    "MeanSquaredLogarithmicError": "mean_squared_logarithmic_error",
    "CosineSimilarity": "cosine_similarity",
    "LogCosh": "log_cosh",
    "Huber": "huber",
    "Hinge": HINGE,
    "SquaredHinge": SQUARED_HINGE,
    "CategoricalHinge": "categorical_hinge",
    "Dice": "dice",
    "Tversky": "tversky",
    "Circle": "circle",
    "CTC": "ctc",
}

# keras/src/losses/__init__.py: ``ALL_OBJECTS_DICT.update({...})``.
KERAS3_LOSS_ALIASES: Final[dict[str, str]] = {
    "bce": BINARY_CROSSENTROPY,
    "BCE": BINARY_CROSSENTROPY,
    "kld": "kl_divergence",
    "KLD": "kl_divergence",
    "mae": "mean_absolute_error",
    "MAE": "mean_absolute_error",
    "mse": "mean_squared_error",
    "MSE": "mean_squared_error",
    "mape": "mean_absolute_percentage_error",
    "MAPE": "mean_absolute_percentage_error",
    "msle": "mean_squared_logarithmic_error",
    "MSLE": "mean_squared_logarithmic_error",
}

# keras/src/trainers/compile_utils.py ``get_loss``: ``str(identifier).lower()
# in ["crossentropy", "ce"]`` is resolved by the trainer, not ``losses.get``.
COMPILE_ONLY_LOSS_NAMES_LOWER: Final[frozenset[str]] = frozenset({"crossentropy", "ce"})

# Names tf.keras (Keras 2 in TensorFlow 2.x) resolves and Keras 3 does not.
# tf.keras's ``losses.deserialize`` looks strings up in the module's
# ``globals()``, so each module-level name is a loss name there:
# tensorflow/tensorflow v2.0.0, tensorflow/python/keras/losses.py defines
#   huber_loss, logcosh, kullback_leibler_divergence (the function names);
# keras-team/keras v2.15.0, keras/losses.py, "# Aliases." block keeps them:
#   kld = KLD = kullback_leibler_divergence = kl_divergence
#   logcosh = log_cosh
#   huber_loss = huber
# Multi-backend Keras 2.2.4-2.3.1 (keras-team/keras 2.3.1, keras/losses.py):
#   cosine = cosine_similarity = cosine_proximity
# (never a string in tf.keras, but valid for that older standalone Keras).
KERAS2_ONLY_LOSS_NAMES: Final[dict[str, str]] = {
    "kullback_leibler_divergence": "kl_divergence",
    "logcosh": "log_cosh",
    "huber_loss": "huber",
    "cosine_proximity": "cosine_similarity",
    "cosine": "cosine_similarity",
}

# Loss names Keras 3 accepts that no Keras 2 does: they are absent from the
# module whose globals Keras 2's ``losses.deserialize`` looks names up in
# (keras-team/keras v2.15.0, keras/losses.py, the last Keras 2; ``ctc`` there
# is only ``keras.backend.ctc_batch_cost``). Keras 3 defines them in
# keras/src/losses/losses.py (classes ``Dice``, ``Tversky``, ``Circle``,
# ``CTC``; functions dice, tversky, circle, ctc). ``compile(loss="dice")`` under tf.keras 2.x raises
# ``Unknown loss function``.
KERAS3_ONLY_LOSS_NAMES: Final[frozenset[str]] = frozenset(
    {"dice", "tversky", "circle", "ctc", "Dice", "Tversky", "Circle", "CTC"}
)


# Losses that read the output as probabilities unless ``from_logits=True``.
CROSSENTROPIES: Final[frozenset[str]] = frozenset(
    {
        BINARY_CROSSENTROPY,
        BINARY_FOCAL_CROSSENTROPY,
        CATEGORICAL_CROSSENTROPY,
        CATEGORICAL_FOCAL_CROSSENTROPY,
        SPARSE_CATEGORICAL_CROSSENTROPY,
        AUTO_CROSSENTROPY,
    }
)
BINARY_LOSSES: Final[frozenset[str]] = frozenset({BINARY_CROSSENTROPY, BINARY_FOCAL_CROSSENTROPY})
# Losses that normalise over the class axis: they need one unit per class.
MULTICLASS_LOSSES: Final[frozenset[str]] = frozenset(
    {CATEGORICAL_CROSSENTROPY, CATEGORICAL_FOCAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY}
)
HINGE_LOSSES: Final[frozenset[str]] = frozenset({HINGE, SQUARED_HINGE})
KL_DIVERGENCE: Final = "kl_divergence"
MEAN_SQUARED_LOGARITHMIC_ERROR: Final = "mean_squared_logarithmic_error"
POISSON: Final = "poisson"
# Losses that compare values, not class probabilities.
REGRESSION_LOSSES: Final[frozenset[str]] = frozenset(
    {
        "mean_squared_error",
        "mean_absolute_error",
        "mean_absolute_percentage_error",
        MEAN_SQUARED_LOGARITHMIC_ERROR,
        "huber",
        "log_cosh",
    }
)
# Losses that take the log of the prediction (clipped at a small epsilon):
# keras/src/losses/losses.py ``mean_squared_logarithmic_error`` and ``poisson``.
LOG_LOSSES: Final[frozenset[str]] = frozenset({MEAN_SQUARED_LOGARITHMIC_ERROR, POISSON})

# Position of ``from_logits`` among the constructor's positional parameters
# (keras/src/losses/losses.py ``__init__`` of each class; same order in
# keras-team/keras v2.15.0 keras/losses.py).
FROM_LOGITS_POSITION: Final[dict[str, int]] = {
    "BinaryCrossentropy": 0,
    "CategoricalCrossentropy": 0,
    "SparseCategoricalCrossentropy": 0,
    "BinaryFocalCrossentropy": 3,
    "CategoricalFocalCrossentropy": 2,
}


def _build_string_table() -> dict[str, str]:
    table: dict[str, str] = {name: name for name in KERAS3_LOSS_FUNCTIONS}
    table.update(KERAS3_LOSS_CLASSES)
    table.update(KERAS3_LOSS_ALIASES)
    table.update(KERAS2_ONLY_LOSS_NAMES)
    return table


_STRING_TABLE: Final = _build_string_table()


def is_keras2_only_loss(name: str) -> bool:
    return name in KERAS2_ONLY_LOSS_NAMES


def is_keras3_only_loss(name: str) -> bool:
    return name in KERAS3_ONLY_LOSS_NAMES


def is_accepted_loss_string(name: str) -> bool:
    """True when ``compile(loss=name)`` works in Keras 3 or in tf.keras 2.x."""
    return name in _STRING_TABLE or name.lower() in COMPILE_ONLY_LOSS_NAMES_LOWER


def canonical_loss_string(name: str) -> str | None:
    """The canonical loss for a string accepted by ``compile``, else None."""
    if name.lower() in COMPILE_ONLY_LOSS_NAMES_LOWER:
        return AUTO_CROSSENTROPY
    return _STRING_TABLE.get(name)


def canonical_loss_attribute(name: str) -> tuple[str | None, bool]:
    """Resolve ``keras.losses.<name>``: (canonical loss, is a class)."""
    if name in KERAS3_LOSS_CLASSES:
        return KERAS3_LOSS_CLASSES[name], True
    if name in KERAS3_LOSS_FUNCTIONS:
        return name, False
    if name in KERAS3_LOSS_ALIASES:
        return KERAS3_LOSS_ALIASES[name], False
    if name in KERAS2_ONLY_LOSS_NAMES:
        return KERAS2_ONLY_LOSS_NAMES[name], False
    return None, False


def is_keras3_loss_attribute(name: str) -> bool:
    """Whether Keras 3 has ``keras.losses.<name>`` (a class, a function or an alias)."""
    return name in KERAS3_LOSS_CLASSES or name in KERAS3_LOSS_FUNCTIONS or name in KERAS3_LOSS_ALIASES


def accepted_loss_strings() -> list[str]:
    """Every string keraslint treats as a valid ``compile`` loss, sorted."""
    return sorted(set(_STRING_TABLE) | COMPILE_ONLY_LOSS_NAMES_LOWER)


# TensorFlow's crossentropy ops on logits (TensorFlow API docs: tf.nn.
# softmax_cross_entropy_with_logits(labels, logits, axis=-1, name=None),
# tf.nn.sigmoid_cross_entropy_with_logits(labels=None, logits=None,
# name=None), tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits,
# name=None)): each applies its softmax or sigmoid to ``logits`` itself, as
# the Keras loss with ``from_logits=True``. The Keras loss each matches;
# ``labels`` first, ``logits`` second.
TF_LOGITS_LOSSES: Final[dict[str, str]] = {
    "tensorflow.nn.softmax_cross_entropy_with_logits": CATEGORICAL_CROSSENTROPY,
    "tensorflow.nn.sigmoid_cross_entropy_with_logits": BINARY_CROSSENTROPY,
    "tensorflow.nn.sparse_softmax_cross_entropy_with_logits": SPARSE_CATEGORICAL_CROSSENTROPY,
}
