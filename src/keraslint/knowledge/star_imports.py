"""Which Keras module a name comes from when a file star-imports several
(``from keras.models import *`` then ``from keras.layers import *``).

Python binds each name to the *last* star-imported module that exports it,
so keraslint needs, for every module a file star-imports, whether it exports
the name. It knows that only for the Keras modules below, and only for the
names the engine reads (``READ_NAMES``): model classes and loaders, layers,
``to_categorical``, losses and activations. A star import of any other
module (``from numpy import *``, the user's own) may export anything, and
the name is then unknown.

Each module's entry is what Keras 3 exports among ``READ_NAMES``
(keras/api/<module>/__init__.py in keras-team/keras; ``""`` is
keras/api/__init__.py), checked name by name against the installed Keras in
tests/test_keras_facts.py. tf.keras 2.x exports the same names from the same
modules (tensorflow/python/keras/api: ``keras.layers`` and ``keras.models``
hold the layers and the models there too).
"""

from __future__ import annotations

from typing import Final

from keraslint.knowledge import activations, layers, losses

# The names whose origin changes what keraslint reads.
READ_NAMES: Final[frozenset[str]] = frozenset(
    {
        # keras/api/models/__init__.py and keras/api/__init__.py
        "Sequential",
        "Model",
        "Input",
        "load_model",
        "clone_model",
        # keras/api/layers/__init__.py: the layers the engine reads
        "Dense",
        "Activation",
        "InputLayer",
        "Lambda",
        "Resizing",
        "TimeDistributed",
        "Bidirectional",
        *layers.VALUE_PRESERVING_LAYERS,
        *layers.ACTIVATION_LAYERS,
        *layers.FILTER_LAYERS,
        *layers.DEPTHWISE_LAYERS,
        *layers.RANGE_PRESERVING_LAYERS,
        *layers.RESAMPLING_LAYERS,
        # keras/api/utils/__init__.py
        "to_categorical",
        *losses.KERAS3_LOSS_FUNCTIONS,
        *losses.KERAS3_LOSS_CLASSES,
        *activations.KERAS3_ACTIVATIONS,
    }
)

# Keras module (its path under ``keras``) -> the READ_NAMES it exports.
_LOSSES: Final = frozenset({*losses.KERAS3_LOSS_FUNCTIONS, *losses.KERAS3_LOSS_CLASSES})
EXPORTS: Final[dict[str, frozenset[str]]] = {
    "": frozenset(
        {
            "Input",
            "Model",
            "Sequential",
        }
    ),
    "layers": frozenset(
        {
            "Activation",
            "ActivityRegularization",
            "AlphaDropout",
            "Bidirectional",
            "Conv1D",
            "Conv1DTranspose",
            "Conv2D",
            "Conv2DTranspose",
            "Conv3D",
            "Conv3DTranspose",
            "Convolution1D",
            "Convolution1DTranspose",
            "Convolution2D",
            "Convolution2DTranspose",
            "Convolution3D",
            "Convolution3DTranspose",
            "Dense",
            "DepthwiseConv1D",
            "DepthwiseConv2D",
            "Dropout",
            "ELU",
            "Flatten",
            "GaussianDropout",
            "GaussianNoise",
            "GlobalAveragePooling1D",
            "GlobalAveragePooling2D",
            "GlobalAveragePooling3D",
            "GlobalAvgPool1D",
            "GlobalAvgPool2D",
            "GlobalAvgPool3D",
            "GlobalMaxPool1D",
            "GlobalMaxPool2D",
            "GlobalMaxPool3D",
            "GlobalMaxPooling1D",
            "GlobalMaxPooling2D",
            "GlobalMaxPooling3D",
            "Identity",
            "Input",
            "InputLayer",
            "Lambda",
            "LeakyReLU",
            "PReLU",
            "ReLU",
            "Reshape",
            "Resizing",
            "SeparableConv1D",
            "SeparableConv2D",
            "SeparableConvolution1D",
            "SeparableConvolution2D",
            "Softmax",
            "TimeDistributed",
            "UpSampling1D",
            "UpSampling2D",
            "UpSampling3D",
        }
    ),
    "models": frozenset(
        {
            "Model",
            "Sequential",
            "clone_model",
            "load_model",
        }
    ),
    "utils": frozenset(
        {
            "to_categorical",
        }
    ),
    # every loss function and class
    "losses": _LOSSES,
    # the metric classes and functions of the same names as losses
    "metrics": _LOSSES
    - {
        "BinaryFocalCrossentropy",
        "CTC",
        "CategoricalFocalCrossentropy",
        "Circle",
        "Dice",
        "Huber",
        "LogCosh",
        "Tversky",
        "circle",
        "cosine_similarity",
        "ctc",
        "dice",
        "tversky",
    },
    "activations": activations.KERAS3_ACTIVATIONS,
    "optimizers": frozenset(),
    "callbacks": frozenset(),
    "regularizers": frozenset(),
    "initializers": frozenset(
        {
            "Identity",
        }
    ),
    "constraints": frozenset(),
    "preprocessing": frozenset(),
    "preprocessing.image": frozenset(),
    "preprocessing.sequence": frozenset(),
    "datasets": frozenset(),
    "applications": frozenset(),
    "backend": frozenset(),
    # keras.ops: the activation functions and three crossentropies
    "ops": (activations.KERAS3_ACTIVATIONS - {"exponential", "linear", "mish"})
    | {"binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy"},
    "saving": frozenset(
        {
            "load_model",
        }
    ),
}


def origin(name: str, keras_paths: list[str | None]) -> int | None:
    """Which of the star-imported modules (in import order, each given by its
    path under ``keras``, None for a module outside Keras) ``name`` comes
    from: its position, or None when that is not known."""
    if name not in READ_NAMES:
        return None
    for position in range(len(keras_paths) - 1, -1, -1):
        path = keras_paths[position]
        exports = EXPORTS.get(path) if path is not None else None
        if exports is None:
            return None  # not a Keras module keraslint knows: it may export anything
        if name in exports:
            return position
    return None
