"""Keras layer classes, by what they do to the output's values and shape."""

from __future__ import annotations

from typing import Final

# Layers whose output has the same shape and (at inference) the same values
# as their input: a ``Dense`` before them is still the output layer.
# keras/src/layers/regularization/*.py and keras/src/layers/core/identity.py.
VALUE_PRESERVING_LAYERS: Final[frozenset[str]] = frozenset(
    {
        "Dropout",
        "GaussianNoise",
        "GaussianDropout",
        "AlphaDropout",
        "ActivityRegularization",
        "Identity",
    }
)

# Layers that only apply an activation (keras/src/layers/activations/*.py),
# with the activation they apply when called without arguments. ``PReLU``
# learns its slope: no fixed activation.
ACTIVATION_LAYERS: Final[dict[str, str | None]] = {
    "Softmax": "softmax",
    "ReLU": "relu",
    "LeakyReLU": "leaky_relu",
    "ELU": "elu",
    "PReLU": None,
}

# Convolutions whose first argument is ``filters``, the size of the output's
# last axis when ``data_format="channels_last"`` (Keras's default): a
# ``softmax`` activation over one filter is constant, as over one unit.
# keras/src/layers/convolutional/base_conv.py (``filters``, ``data_format``,
# ``activation``) and base_conv_transpose.py, base_separable_conv.py.
FILTER_LAYERS: Final[frozenset[str]] = frozenset(
    {
        "Conv1D",
        "Conv2D",
        "Conv3D",
        "Conv1DTranspose",
        "Conv2DTranspose",
        "Conv3DTranspose",
        "SeparableConv1D",
        "SeparableConv2D",
        "Convolution1D",
        "Convolution2D",
        "Convolution3D",
    }
)
